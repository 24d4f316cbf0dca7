package ai.molecule.drift.history;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static ai.molecule.drift.history.HistoryScenario.ALPHA;
import static ai.molecule.drift.history.HistoryScenario.BRAVO;
import static ai.molecule.drift.history.HistoryScenario.CHARLIE;
import static ai.molecule.drift.history.HistoryScenario.DELTA;
import static org.assertj.core.api.Assertions.assertThat;

/** What the reports of {@link HistoryScenario} show of its history, parsed rather than matched as text. */
final class HistoryReportChecks {

	private HistoryReportChecks() {
	}

	/** Run 6's trend chart: one marker per complete run, placed by its value, the error run marked. */
	static void trendChart(String html, List<Long> runIds) {
		Document page = Jsoup.parse(html);
		Element chart = page.selectFirst("section#trend svg#trend-chart");
		assertThat(chart).isNotNull();
		assertThat(page.selectFirst("section#trend").attr("data-runs")).isEqualTo("6");
		assertThat(chart.select("line.error-run")).extracting(e -> e.attr("data-run"))
			.containsExactly(String.valueOf(runIds.get(3)));
		Element behind = chart.selectFirst("g.panel[data-series=behind]");
		assertThat(behind.attr("data-max")).isEqualTo("3");
		assertThat(behind.select("circle.point")).extracting(c -> c.attr("data-run"), c -> c.attr("data-value"))
			.containsExactly(runs(runIds, "1", "3", "2", "3", "3", "2"));
		// 580 wide from x=44, 70 high from y=24 with 3 at the top: one step per run, y = 94 - 70 * value / 3.
		assertThat(behind.select("polyline")).extracting(p -> p.attr("points"))
			.containsExactly("44,70.7 160,24 276,47.3 392,24 508,24 624,47.3");
		assertPointsOnTheirValues(behind, 3);
		Element median = chart.selectFirst("g.panel[data-series=median-lag]");
		assertThat(median.select("circle.point")).extracting(c -> c.attr("data-value"))
			.containsExactly("0", "1", "0.5", "2", "1.5", "0.5");
		assertThat(median.select("circle.point.status-error")).extracting(c -> c.attr("data-run"))
			.containsExactly(String.valueOf(runIds.get(3)));
		assertPointsOnTheirValues(median, 2);
	}

	/** Run 6's sparklines: each repository's releases behind over the six runs, gaps where unknown. */
	static void sparklines(String html) {
		Document page = Jsoup.parse(html);
		assertThat(sparkline(page, ALPHA).attr("data-values")).isEqualTo("1,2,0,,0,0");
		assertThat(sparkline(page, BRAVO).attr("data-values")).isEqualTo("0,1,1,2,2,0");
		assertThat(sparkline(page, CHARLIE).attr("data-values")).isEqualTo("0,1,1,2,2,2");
		assertThat(sparkline(page, DELTA).attr("data-values")).isEqualTo(",,0,1,1,1");
		// 96 wide from x=2, 16 high from y=2, alpha's maximum 2 at the top; its unreadable run splits the line.
		assertThat(sparkline(page, ALPHA).select("polyline")).extracting(p -> p.attr("points"))
			.containsExactly("2,10 21.2,2 40.4,18", "78.8,18 98,18");
		assertThat(sparkline(page, ALPHA).selectFirst("title").text()).isEqualTo("releases behind over 6 runs: 1 → 0");
		// Labelled, so that a flat line at 0 and one at 2 do not look alike.
		assertThat(page.selectFirst("tr[data-repo=" + ALPHA + "] .spark-caption").text()).isEqualTo("1 → 0, peak 2");
		assertThat(page.selectFirst("tr[data-repo=" + CHARLIE + "] .spark-caption").text()).isEqualTo("0 → 2");
	}

	/** The Markdown "changes since the previous run" of runs 1, 3, 4, 5 and 6. */
	static void changes(List<String> markdown, List<Long> runIds) {
		assertThat(section(markdown.get(0))).contains("No earlier complete pass or fail run to compare with.");
		assertThat(section(markdown.get(2))).contains("Compared with run " + runIds.get(1) + " (2026-03-02, PASS).",
				"- **Newly drifted:** none", "- **Caught up:**\n  - alpha: 2 releases behind → in sync",
				"- **New unlisted-pinned:**\n  - delta: pins 0.3.26",
				"- **New repositories:**\n  - delta: unlisted-pinned", "- **Removed repositories:** none");
		// The error run compares with run 3, cannot judge removals and does not count alpha as anything.
		assertThat(section(markdown.get(3))).contains("Compared with run " + runIds.get(2) + " (2026-03-03, FAIL).",
				"- **Newly drifted:**\n  - delta: in sync → 1 release behind", "- **Caught up:** none",
				"- **Removed repositories:** not judged",
				"- **Not compared (could not be read):**\n  - alpha: could not be read");
		// Run 5 skips the error run and compares with run 3.
		assertThat(section(markdown.get(4))).contains("Compared with run " + runIds.get(2) + " (2026-03-03, FAIL).",
				"- **Newly drifted:**\n  - delta: in sync → 1 release behind",
				"- **Removed repositories:**\n  - echo: was clean",
				"- **New repositories:** none");
		assertThat(section(markdown.get(5))).contains("Compared with run " + runIds.get(4) + " (2026-03-05, PASS).",
				"- **Newly drifted:** none", "- **Caught up:**\n  - bravo: 2 releases behind → in sync",
				"- **New unlisted-pinned:** none", "- **Removed repositories:** none");
	}

	private static void assertPointsOnTheirValues(Element panel, double max) {
		List<Element> points = panel.select("circle.point");
		for (int i = 0; i < points.size(); i++) {
			Element point = points.get(i);
			double value = Double.parseDouble(point.attr("data-value"));
			assertThat(Double.parseDouble(point.attr("cx"))).isCloseTo(44 + 580.0 * i / 5, within());
			assertThat(Double.parseDouble(point.attr("cy"))).isCloseTo(
					Double.parseDouble(panel.selectFirst("line.axis").attr("y1")) - 70 * value / max, within());
		}
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(0.06);
	}

	private static org.assertj.core.groups.Tuple[] runs(List<Long> runIds, String... values) {
		org.assertj.core.groups.Tuple[] tuples = new org.assertj.core.groups.Tuple[values.length];
		for (int i = 0; i < values.length; i++) {
			tuples[i] = org.assertj.core.groups.Tuple.tuple(String.valueOf(runIds.get(i)), values[i]);
		}
		return tuples;
	}

	private static Element sparkline(Document page, String repo) {
		Element svg = page.selectFirst("tr[data-repo=" + repo + "] svg.sparkline");
		assertThat(svg).as("sparkline of " + repo).isNotNull();
		return svg;
	}

	private static String section(String markdown) {
		int start = markdown.indexOf("### Changes since the previous run");
		assertThat(start).as("changes section").isNotNegative();
		return markdown.substring(start, markdown.indexOf("### All repositories"));
	}
}
