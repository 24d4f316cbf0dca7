package ai.molecule.drift.report;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One repository's lag over the trend's runs, laid out for a small inline SVG; public because FreeMarker
 * reads it through reflection.
 *
 * @param values releases behind per run, comma-separated, empty where there is no value (for tests and tools)
 * @param max the value at the top of the box
 * @param segments polyline {@code points}, split where a run has no value
 * @param lastX x of the latest value; {@code null} when this run has none
 * @param lastY y of the latest value
 * @param summary for screen readers and tooltips, such as {@code releases behind over 90 runs: 16 → 3}
 * @param caption shown beside it, so that a flat line at 0 and one at 25 look different: such as
 *     {@code 16 → 3, peak 25} or {@code 0 → 0}
 */
public record Sparkline(String values, String max, List<String> segments, String lastX, String lastY,
		String summary, String caption) {

	static final int WIDTH = 100;

	static final int HEIGHT = 20;

	private static final SvgPlot PLOT = new SvgPlot(2, 2, WIDTH - 4, HEIGHT - 4);

	static Sparkline of(List<Integer> series) {
		double max = SvgPlot.scaleMax(series);
		Integer last = series.isEmpty() ? null : series.get(series.size() - 1);
		Integer first = series.stream().filter(Objects::nonNull).findFirst().orElse(null);
		String summary = "releases behind over " + series.size() + (series.size() == 1 ? " run" : " runs")
				+ (first == null ? ": not measured" : ": " + first + " \u2192 " + (last == null ? "unknown" : last));
		int peak = series.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
		String caption = (first == null ? "not measured" : first + " \u2192 " + (last == null ? "not measured" : last))
				+ (first != null && peak > Math.max(first, last == null ? 0 : last) ? ", peak " + peak : "");
		return new Sparkline(series.stream().map(v -> v == null ? "" : v.toString()).collect(Collectors.joining(",")),
				SvgPlot.number(max), PLOT.segments(series, max),
				last == null ? null : SvgPlot.number(PLOT.x(series.size() - 1, series.size())),
				last == null ? null : SvgPlot.number(PLOT.y(last, max)), summary, caption);
	}
}
