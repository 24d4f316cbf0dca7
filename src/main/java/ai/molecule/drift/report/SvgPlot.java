package ai.molecule.drift.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps a series of values (gaps allowed) onto a rectangle of an SVG viewBox: one x step per value, y
 * scaled from 0 to the series' maximum; a gap splits the line, so a missing value is never drawn as 0.
 *
 * @param left x of the first value
 * @param top y of the series' maximum
 * @param width distance between the first and the last value
 * @param height distance between 0 and the maximum
 */
record SvgPlot(double left, double top, double width, double height) {

	/** The largest value, at least 1 so that a flat zero line sits on the axis. */
	static double scaleMax(List<? extends Number> values) {
		return Math.max(1, values.stream().filter(Objects::nonNull).mapToDouble(Number::doubleValue).max().orElse(0));
	}

	double x(int index, int count) {
		return count <= 1 ? left + width / 2 : left + width * index / (count - 1);
	}

	double y(double value, double max) {
		return top + height - height * value / max;
	}

	/** {@code points} attributes of the polylines: one per run of consecutive values. */
	List<String> segments(List<? extends Number> values, double max) {
		List<String> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			Number value = values.get(i);
			if (value == null) {
				flush(segments, current);
				continue;
			}
			current.append(current.isEmpty() ? "" : " ")
				.append(number(x(i, values.size())))
				.append(',')
				.append(number(y(value.doubleValue(), max)));
		}
		flush(segments, current);
		return segments;
	}

	private static void flush(List<String> segments, StringBuilder current) {
		if (!current.isEmpty()) {
			segments.add(current.toString());
			current.setLength(0);
		}
	}

	/** One decimal, a dot, no grouping: what SVG attributes accept whatever the locale. */
	static String number(double value) {
		String text = String.format(Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}
}
