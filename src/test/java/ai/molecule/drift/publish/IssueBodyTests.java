package ai.molecule.drift.publish;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.report.RunChanges;

import static ai.molecule.drift.publish.PublishFixtures.behind;
import static ai.molecule.drift.publish.PublishFixtures.inSync;
import static ai.molecule.drift.publish.PublishFixtures.run;
import static ai.molecule.drift.publish.PublishFixtures.unlisted;
import static org.assertj.core.api.Assertions.assertThat;

/** The issue body: marker first, what the run found above the separator, and the 65,536-character budget. */
class IssueBodyTests {

	private final IssueBody body = PublishFixtures.body();

	@Test
	void startsWithTheMarkerAndKeepsTheRunDetailsBelowTheSeparator() {
		RunReport report = run(3, RunStatus.FAIL, unlisted("rogue"), behind("langgraph", "0.3.11", 16), inSync("a"));

		String text = body.render(report, PublishFixtures.firstRun(), IssueMarker.report("Molecule-AI"), null);

		assertThat(text).startsWith("<!-- consumer-drift:report org=molecule-ai -->\n## Consumer drift: FAIL");
		assertThat(IssueMarker.stablePart(text)).doesNotContain("run 3", "2026-11-25")
			.contains("### Needs action", "| **rogue** |", "No earlier complete run to compare with.",
					"| langgraph | enumerated | `0.3.11` | 16 releases / 41 days behind (patch) |");
		assertThat(text.substring(text.indexOf(IssueMarker.RUN_SEPARATOR))).contains("run 3", "finished 2026-11-25T03:00:09Z");
		assertThat(text.indexOf("### Needs action")).isLessThan(text.indexOf("### Changes since the previous run"));
		assertThat(text.indexOf("### Changes since the previous run")).isLessThan(text.indexOf("### All repositories"));
	}

	@Test
	void twoRunsThatFoundTheSameAreTheSameReport() {
		String first = body.render(run(3, RunStatus.PASS, inSync("a")), PublishFixtures.firstRun(), IssueMarker.report("x"), null);
		String second = body.render(run(4, RunStatus.PASS, inSync("a")), PublishFixtures.firstRun(), IssueMarker.report("x"), null);

		assertThat(first).isNotEqualTo(second);
		assertThat(IssueMarker.sameReport(first, second.replace("\n", "\r\n"))).isTrue();
	}

	@Test
	void showsWhatChangedSinceThePreviousRun() {
		RunReport before = run(3, RunStatus.PASS, inSync("a"), behind("b", "0.3.11", 16));
		RunReport after = run(4, RunStatus.FAIL, inSync("a"), inSync("b"), unlisted("c"));

		String text = body.render(after, RunChanges.between(before, after), IssueMarker.report("x"), null);

		assertThat(text).contains("- b: pin 0.3.11 → 0.3.27; resolved: pin-drift", "- c: newly scanned: unlisted-pinned")
			.doesNotContain("\n- a:");
	}

	@Test
	void aLargeOrganisationLosesWholeTableRowsAndSaysWhereTheFullReportIs() {
		RunReport report = PublishFixtures.largeRun(3000);

		String text = body.render(report, PublishFixtures.firstRun(), IssueMarker.report("molecule-ai"), PublishFixtures.reportUrl());

		assertThat(text.length()).isLessThanOrEqualTo(IssueBody.DEFAULT_BUDGET);
		assertThat(text).contains("## Consumer drift: FAIL", "| **rogue** |",
				"rows left out to fit the issue*; the full report: [drift-report.html](<https://reports.example.com/drift/drift-report.html>)");
		String table = text.substring(text.indexOf("<details>"), text.indexOf("</details>"));
		List<String> rows = table.lines().filter((line) -> line.startsWith("| ") && !line.startsWith("| repo |")
				&& !line.startsWith("| --- |")).toList();
		assertThat(rows).hasSizeBetween(100, 3000).allSatisfy((row) -> assertThat(row).endsWith(" |"));
		Matcher leftOut = Pattern.compile("\\*(\\d+) of 3001 rows left out").matcher(text);
		assertThat(leftOut.find()).isTrue();
		int left = Integer.parseInt(leftOut.group(1));
		assertThat(rows.size() + left).isEqualTo(3001);
	}

	@Test
	void evenAHugeFailureListFits() {
		RunReport report = run(5, RunStatus.FAIL, java.util.stream.IntStream.range(0, 1000)
			.mapToObj((i) -> unlisted("rogue-" + i))
			.toArray(ai.molecule.drift.model.RepoResult[]::new));

		String text = body.render(report, PublishFixtures.firstRun(), IssueMarker.report("x"), null);

		assertThat(text.length()).isLessThanOrEqualTo(IssueBody.DEFAULT_BUDGET);
		assertThat(text).contains("more, left out to fit the issue; the full report is drift-report.html among the run's reports");
	}
}
