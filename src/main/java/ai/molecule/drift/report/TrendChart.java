package ai.molecule.drift.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ai.molecule.drift.model.RunHistory.TrendPoint;

/**
 * The HTML report's org trend chart, laid out for an inline SVG: two panels over the same runs, repositories
 * behind and median lag; public because FreeMarker reads it through reflection. The SVG holds lines and
 * markers only: its titles and axis labels are HTML placed over it (positions in percent of the chart), so
 * they keep their size however small the chart is drawn, on a phone too.
 *
 * @param width viewBox width
 * @param height viewBox height
 * @param runs how many runs it shows
 * @param firstDate the first run's day
 * @param lastDate the last run's day
 * @param panels the two panels, top first
 * @param errorRuns x positions of runs that ended in error, marked across both panels
 * @param leftPercent where the plots start, in percent of the width (for the dates below)
 */
public record TrendChart(int width, int height, int runs, String firstDate, String lastDate, List<Panel> panels,
		List<ErrorRun> errorRuns, String leftPercent) {

	static final int WIDTH = 640;

	static final int HEIGHT = 230;

	private static final double LEFT = 44;

	private static final double PLOT_WIDTH = WIDTH - LEFT - 16;

	private static final double PANEL_HEIGHT = 70;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	static TrendChart of(List<TrendPoint> trend) {
		List<Panel> panels = List.of(
				Panel.of("behind", "Repositories behind the SSOT", new SvgPlot(LEFT, 24, PLOT_WIDTH, PANEL_HEIGHT), trend,
						p -> p.behind()),
				Panel.of("median-lag", "Median lag (releases behind)",
						new SvgPlot(LEFT, 24 + PANEL_HEIGHT + 44, PLOT_WIDTH, PANEL_HEIGHT), trend,
						TrendPoint::medianLagReleases));
		SvgPlot plot = new SvgPlot(LEFT, 0, PLOT_WIDTH, 0);
		List<ErrorRun> errors = new ArrayList<>();
		for (int i = 0; i < trend.size(); i++) {
			if (trend.get(i).status().id().equals("error")) {
				errors.add(new ErrorRun(trend.get(i).runId(), SvgPlot.number(plot.x(i, trend.size()))));
			}
		}
		return new TrendChart(WIDTH, HEIGHT, trend.size(), DAY.format(trend.get(0).startedAt()),
				DAY.format(trend.get(trend.size() - 1).startedAt()), panels, errors, percent(LEFT, WIDTH));
	}

	/** One line for the Markdown: each series from its first to its latest measured value. */
	public String summary() {
		return panels.get(0).title() + ": " + panels.get(0).change() + "; " + panels.get(1).title().toLowerCase(java.util.Locale.ROOT)
				+ ": " + panels.get(1).change();
	}

	static String percent(double value, double of) {
		return SvgPlot.number(value * 100 / of) + "%";
	}

	/**
	 * One series.
	 *
	 * @param id {@code behind} or {@code median-lag}
	 * @param title what it shows
	 * @param left x of the first run
	 * @param right x of the last run
	 * @param top y of the maximum
	 * @param bottom y of 0
	 * @param maxLabel the value at the top of the axis
	 * @param titleY baseline of the panel's title
	 * @param labelX right edge of the axis labels
	 * @param segments polyline {@code points}, split where a run has no value
	 * @param points one marker per run with a value
	 * @param place where its HTML title and axis labels go, in percent of the chart
	 */
	public record Panel(String id, String title, String left, String right, String top, String bottom, String maxLabel,
			String titleY, String labelX, List<String> segments, List<Point> points, Place place) {

		/** Such as {@code 5 → 7}, or {@code not measured}. */
		public String change() {
			if (points.isEmpty()) {
				return "not measured";
			}
			String first = points.get(0).value();
			String last = points.get(points.size() - 1).value();
			return points.size() == 1 ? last : first + " \u2192 " + last;
		}

		static Panel of(String id, String title, SvgPlot plot, List<TrendPoint> trend,
				Function<TrendPoint, ? extends Number> value) {
			List<Number> values = trend.stream().<Number>map(value).toList();
			double max = SvgPlot.scaleMax(values);
			List<Point> points = new ArrayList<>();
			for (int i = 0; i < trend.size(); i++) {
				Number v = values.get(i);
				if (v != null) {
					TrendPoint run = trend.get(i);
					points.add(new Point(run.runId(), DAY.format(run.startedAt()), run.status().id(),
							SvgPlot.number(v.doubleValue()), SvgPlot.number(plot.x(i, trend.size())),
							SvgPlot.number(plot.y(v.doubleValue(), max))));
				}
			}
			return new Panel(id, title, SvgPlot.number(plot.left()), SvgPlot.number(plot.left() + plot.width()),
					SvgPlot.number(plot.top()), SvgPlot.number(plot.top() + plot.height()),
					SvgPlot.number(max), SvgPlot.number(plot.top() - 10), SvgPlot.number(plot.left() - 6),
					plot.segments(values, max), points,
					new Place(percent(plot.left(), WIDTH), percent(plot.top() - 22, HEIGHT), percent(plot.top(), HEIGHT),
							percent(plot.top() + plot.height(), HEIGHT), percent(WIDTH - plot.left() + 6, WIDTH)));
		}
	}

	/**
	 * Where a panel's HTML labels go, as CSS lengths in percent of the chart.
	 *
	 * @param left the plot's left edge (the title starts there)
	 * @param titleTop the title's top
	 * @param maxY the centre line of the maximum's label
	 * @param zeroY the centre line of the 0 label
	 * @param labelRight the axis labels' right edge, from the chart's right
	 */
	public record Place(String left, String titleTop, String maxY, String zeroY, String labelRight) {
	}

	/**
	 * A run's marker.
	 *
	 * @param runId the run
	 * @param date its day
	 * @param status pass, fail or error
	 * @param value the value shown
	 * @param x marker centre
	 * @param y marker centre
	 */
	public record Point(long runId, String date, String status, String value, String x, String y) {
	}

	/**
	 * A run that ended in error.
	 *
	 * @param runId the run
	 * @param x where it is marked
	 */
	public record ErrorRun(long runId, String x) {
	}
}
