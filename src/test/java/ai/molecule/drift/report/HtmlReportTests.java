package ai.molecule.drift.report;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;

import static ai.molecule.drift.report.ReportFixtures.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report, parsed back with jsoup. */
class HtmlReportTests {

	private final ReportRenderer renderer = ReportTemplates.renderer();

	@Test
	void headlineIsTheVerdictWithItsReasons() {
		Document page = render(ReportFixtures.failRun());
		Element verdict = page.getElementById("verdict");
		assertThat(verdict.attr("data-status")).isEqualTo("fail");
		assertThat(verdict.attr("data-exit-code")).isEqualTo("1");
		assertThat(verdict.selectFirst(".verdict-label").text()).isEqualTo("FAIL");
		assertThat(page.select("#reasons li").eachText())
			.containsExactly("1 repository carries a pin but is neither enumerated nor exempt: rogue");
		assertThat(page.title()).isEqualTo("FAIL · consumer drift · molecule-ai");
	}

	@Test
	void passSaysWhyItPasses() {
		Document page = render(ReportFixtures.passRun());
		assertThat(page.selectFirst("#verdict .verdict-label").text()).isEqualTo("PASS");
		assertThat(page.getElementById("reasons").text()).startsWith("No error finding");
		assertThat(page.select("#action .none").text()).isEqualTo("Nothing: no repository fails the run or has a finding.");
	}

	@Test
	void countsPerClassification() {
		Document page = render(ReportFixtures.failRun());
		assertThat(page.select("#counts li").eachAttr("data-classification"))
			.containsExactly("enumerated", "exempt", "unlisted-pinned", "clean", "behind");
		assertThat(page.select("#counts .count-value").eachText()).containsExactly("5", "1", "2", "1", "4");
		// The headline says 1 repository fails: the tile says why it counts 2.
		assertThat(page.select("#counts li[data-classification=unlisted-pinned] .count-note").text())
			.isEqualTo("1 fails, 1 archived");
		assertThat(page.select("#counts li.failing").eachAttr("data-classification")).containsExactly("unlisted-pinned");
	}

	@Test
	void anErrorRunThatListedNothingSaysNotMeasuredRatherThanZero() {
		Document page = render(new RunReport(47, ReportFixtures.STARTED, ReportFixtures.FINISHED,
				ai.molecule.drift.model.RunStatus.ERROR, List.of("connection refused", "connection refused"),
				ReportFixtures.FORGE, ai.molecule.drift.lag.Ssot.unresolved(null), List.of()));
		assertThat(page.select("#reasons li").eachText()).containsExactly("connection refused");
		assertThat(page.select("#counts .count-value")).isEmpty();
		assertThat(page.getElementById("counts").text()).startsWith("Repositories: not measured");
		assertThat(page.selectFirst("#ssot .ssot-unresolved").text()).isEqualTo("not resolved: reason not recorded");
		assertThat(page.select("#action .none").text()).isEqualTo("Not measured: no repository was scanned.");
		assertThat(page.text()).doesNotContain("None.", "Nothing:");
	}

	@Test
	void anErrorRunWithoutFailuresDoesNotClaimAllIsWell() {
		Document page = render(ReportFixtures.unresolvedRun());
		assertThat(page.select("#action .none").text()).startsWith("No repository that was read fails the policy")
			.endsWith("the run is an error for the reasons above.");
		assertThat(page.select("#counts li[data-classification=behind]").text())
			.isEqualTo("not measured behind the SSOT");
	}

	@Test
	void unknownIsCountedOnlyWhenARepositoryCouldNotBeRead() {
		Document page = render(ReportFixtures.unreadableRun());
		assertThat(page.select("#counts li[data-classification=unknown] .count-value").text()).isEqualTo("1");
		assertThat(page.selectFirst("#verdict .verdict-label").text()).isEqualTo("ERROR");
		assertThat(page.select("#failures li.item").eachAttr("data-repo")).containsExactly(PREFIX + "flaky");
		assertThat(page.select("#failures .tag-unreadable")).hasSize(1);
		assertThat(page.select("#failures li.finding").eachAttr("data-code")).containsExactly("unreadable");
	}

	@Test
	void withHistoryTheSectionsFollowTheReadersQuestions() {
		RunReport run = BrowserFixtures.failRun();
		Document page = Jsoup.parse(renderer.render(ReportFormat.HTML, run, BrowserFixtures.history(run)));
		assertThat(page.select("main > *").eachAttr("id")).containsExactly("verdict", "action", "changes", "trend",
				"all-repos", "generated");
		assertThat(page.select("#changes .changes > li .change-kind").eachText()).containsExactly("Newly drifted",
				"New unlisted-pinned", "New repositories", "Removed repositories");
		assertThat(page.select("#changes .repo-name").eachAttr("title")).contains(PREFIX + "hermes");
		// The chart's words are HTML over the SVG, so they keep their size when the chart shrinks.
		assertThat(page.select("#trend-chart text")).isEmpty();
		assertThat(page.select("#trend .chart-label.panel-title").eachText())
			.containsExactly("Repositories behind the SSOT", "Median lag (releases behind)");
		assertThat(page.select("#trend .trend-legend dd").eachText()).containsExactly("4 → 8", "1 → 4");
	}

	@Test
	void resolvedSsot() {
		Element ssot = render(ReportFixtures.failRun()).getElementById("ssot");
		assertThat(ssot.attr("data-resolved")).isEqualTo("true");
		assertThat(ssot.selectFirst(".ssot-version").text()).isEqualTo("0.3.27");
		assertThat(ssot.selectFirst(".ssot-tag").text()).isEqualTo("runtime-v0.3.27");
		assertThat(ssot.selectFirst(".ssot-source").text()).isEqualTo("release-tag");
		assertThat(ssot.selectFirst(".ssot-published").text()).isEqualTo("2026-06-10");
		assertThat(ssot.selectFirst(".ssot-published").attr("datetime")).isEqualTo("2026-06-10T12:00:00Z");
	}

	@Test
	void unresolvedSsotSaysWhy() {
		Document page = render(ReportFixtures.unresolvedRun());
		Element ssot = page.getElementById("ssot");
		assertThat(ssot.attr("data-resolved")).isEqualTo("false");
		// The reason is the run's reason too: said once, above.
		assertThat(ssot.selectFirst(".ssot-unresolved").text()).isEqualTo("not resolved (the reason is above)");
		assertThat(page.select("#reasons li").eachText())
			.containsExactly("the SSOT is unresolved: no runtime-v tag and no version in pyproject.toml");
		assertThat(ssot.select(".ssot-version")).isEmpty();
		assertThat(page.select("#repos td.lag").eachAttr("data-state")).containsOnly("none");
	}

	@Test
	void failuresComeFirstAndLeaveOutArchivedRepos() {
		Document page = render(ReportFixtures.failRun());
		assertThat(page.select("#failures li.item").eachAttr("data-repo")).containsExactly(PREFIX + "rogue");
		// Its pin drift is in its lag: only the error is listed.
		assertThat(page.select("#failures li.finding").eachAttr("data-code")).containsExactly("unlisted-pinned");
		// Then the other findings, furthest behind first, archived repositories left out.
		assertThat(page.select("#laggards li.item").eachAttr("data-repo")).containsExactly(PREFIX + "crewai",
				PREFIX + "langgraph", PREFIX + "broken", "molecule-core");
		List<String> order = page.select("#verdict, #ssot, #counts, #action, #repos").eachAttr("id");
		assertThat(order).containsExactly("verdict", "ssot", "counts", "action", "repos");
	}

	@Test
	void oneRowPerRepositoryMostUrgentFirst() {
		Document page = render(ReportFixtures.failRun());
		// Failures, then findings furthest behind first, then archived with findings, then the rest by name.
		assertThat(page.select("#repos tbody tr").eachAttr("data-repo")).containsExactly(PREFIX + "rogue",
				PREFIX + "crewai", PREFIX + "langgraph", PREFIX + "broken", "molecule-core", PREFIX + "legacy",
				PREFIX + "claude-code", PREFIX + "docs", PREFIX + "seo-agent");
	}

	@Test
	void namesAreShownWithoutTheSharedPrefixAndWholeOnHoverAndInLinks() {
		Document page = render(ReportFixtures.failRun());
		Element name = row(page, PREFIX + "langgraph").selectFirst(".repo-name");
		assertThat(name.text()).isEqualTo("langgraph");
		assertThat(name.attr("title")).isEqualTo(PREFIX + "langgraph");
		assertThat(name.attr("href")).isEqualTo("https://git.example.com/molecule-ai/" + PREFIX + "langgraph");
		// A name without the prefix is shown whole.
		assertThat(row(page, "molecule-core").selectFirst(".repo-name").text()).isEqualTo("molecule-core");
		assertThat(page.selectFirst(".prefix-note .prefix").text()).isEqualTo(PREFIX);
	}

	@Test
	void rowShowsClassificationPinLagAndFindings() {
		Element row = row(render(ReportFixtures.failRun()), PREFIX + "langgraph");
		assertThat(row.selectFirst("td.classification").text()).isEqualTo("enumerated");
		assertThat(row.selectFirst("td.pin").text()).isEqualTo("0.3.11");
		Element lag = row.selectFirst("td.lag");
		assertThat(lag.selectFirst(".lag-label").text()).isEqualTo("16 releases / 41 days behind");
		assertThat(lag.attr("data-releases")).isEqualTo("16");
		assertThat(lag.attr("data-days")).isEqualTo("41");
		assertThat(lag.attr("data-level")).isEqualTo("patch");
		// 16 of the run's maximum of 40 releases behind.
		assertThat(lag.selectFirst(".lag-fill").attr("style")).isEqualTo("width: 40%");
		assertThat(row.select("li.finding").eachAttr("data-code")).containsExactly("pin-drift", "lag-exceeded");
		// Both say what the lag column says: their codes only.
		assertThat(row.select("li.finding .message")).isEmpty();
		assertThat(row.hasClass("fails")).isFalse();
	}

	@Test
	void lagLabelsForEveryState() {
		Document page = render(ReportFixtures.failRun());
		assertThat(lagLabel(page, PREFIX + "legacy")).isEqualTo("40 releases / 400 days behind");
		assertThat(lagLabel(page, PREFIX + "crewai")).isEqualTo("26 releases behind");
		assertThat(lagLabel(page, PREFIX + "claude-code")).isEqualTo("in sync");
		assertThat(lagLabel(page, "molecule-core")).isEqualTo("ahead");
		assertThat(lagLabel(page, PREFIX + "broken")).isEqualTo("—");
		assertThat(row(page, PREFIX + "legacy").selectFirst(".lag-fill").attr("style")).isEqualTo("width: 100%");
		assertThat(row(page, PREFIX + "claude-code").select(".lag-bar")).isEmpty();
		assertThat(row(page, PREFIX + "seo-agent").selectFirst("td.pin").text()).isEqualTo("—");
	}

	@Test
	void oneReleaseBehindIsSingularAndStillVisible() {
		Document page = render(ReportFixtures.runOf(
				ReportFixtures.repo("near", Classification.ENUMERATED, "0.3.26", new Lag(1, 1L, LagLevel.PATCH)),
				ReportFixtures.repo("far", Classification.ENUMERATED, "0.1.0", new Lag(100, 900L, LagLevel.MINOR))));
		assertThat(lagLabel(page, PREFIX + "near")).isEqualTo("1 release / 1 day behind");
		assertThat(row(page, PREFIX + "near").selectFirst(".lag-fill").attr("style")).isEqualTo("width: 2%");
	}

	@Test
	void severitiesAndFailingRowsAreDistinct() {
		Document page = render(ReportFixtures.failRun());
		Element rogue = row(page, PREFIX + "rogue");
		assertThat(rogue.hasClass("fails")).isTrue();
		assertThat(rogue.select("li.severity-error").eachAttr("data-code")).containsExactly("unlisted-pinned");
		assertThat(rogue.select("li.severity-warning").eachAttr("data-code")).containsExactly("pin-drift");
		assertThat(rogue.select("li.severity-error .severity").text()).isEqualTo("error");
	}

	@Test
	void archivedReposAreMarkedAndDoNotFail() {
		Element legacy = row(render(ReportFixtures.failRun()), PREFIX + "legacy");
		assertThat(legacy.hasClass("archived")).isTrue();
		assertThat(legacy.hasClass("fails")).isFalse();
		assertThat(legacy.selectFirst(".tag-archived").text()).isEqualTo("archived, never fails");
		assertThat(legacy.select("li.severity-error")).hasSize(1);
	}

	@Test
	void pageIsSelfContainedAndFitsAPhone() {
		Document page = render(ReportFixtures.failRun());
		assertThat(page.select("script, link, img, iframe, object, embed, [src]")).isEmpty();
		assertThat(page.select("style").html()).doesNotContain("url(", "@import");
		assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
		assertThat(page.selectFirst("#repos").parent().hasClass("table-scroll")).isTrue();
		assertThat(page.select("#repos td[data-label]")).hasSize(9 * 5);
	}

	@Test
	void footerSaysWhichRunAndWhen() {
		assertThat(render(ReportFixtures.failRun()).getElementById("generated").text()).isEqualTo(
				"Generated by consumer-drift · run 42 · started 2026-11-22T03:00:00Z · finished 2026-11-22T03:00:09Z · took 9s");
	}

	@Test
	void textFromRepositoriesIsShownLiterally() {
		String name = "tpl-<script>alert(1)</script>\"'&";
		String pin = "<b>0.3.11</b>\"'&amp;";
		String message = "pin <img src=x onerror=alert(2)> is no version";
		String html = renderer.html(ReportFixtures.runOf(new RepoResult(name, Classification.UNLISTED_PINNED, false, pin,
				null, List.of(ReportFixtures.error(FindingCode.UNLISTED_PINNED, message)))));
		Document page = Jsoup.parse(html);
		assertThat(page.select("script, img, b")).isEmpty();
		assertThat(html).doesNotContain("<script>", "<img", "<b>");
		Element row = page.selectFirst("#repos tbody tr");
		assertThat(row.attr("data-repo")).isEqualTo(name);
		assertThat(row.selectFirst(".repo-name").text()).isEqualTo(name);
		assertThat(row.selectFirst("td.pin").text()).isEqualTo(pin);
		assertThat(row.selectFirst(".message").text()).isEqualTo(message);
		assertThat(page.selectFirst("#failures li.item").attr("data-repo")).isEqualTo(name);
		assertThat(page.selectFirst("#failures .repo-name").attr("href"))
			.isEqualTo("https://git.example.com/molecule-ai/tpl-%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%27%26");
	}

	@Test
	void bidiOverridesAndZeroWidthCharactersAreDroppedEverywhere() {
		String name = "tpl-\u202Egnp.exe\u202C-\u2066x\u2069\u200Bb\u200D\uFEFF\u0007";
		String pin = "0.3.\u200B11\u202E";
		String message = "pin \u202Eno version\u2060 here";
		String html = renderer.html(ReportFixtures.runOf(new RepoResult(name, Classification.UNLISTED_PINNED, false, pin,
				null, List.of(ReportFixtures.error(FindingCode.UNLISTED_PINNED, message)))));
		assertThat(html).doesNotContain("\u202E", "\u202C", "\u2066", "\u2069", "\u200B", "\u200D", "\uFEFF",
				"\u2060", "\u0007");
		Element row = Jsoup.parse(html).selectFirst("#repos tbody tr");
		assertThat(row.attr("data-repo")).isEqualTo("tpl-gnp.exe-xb");
		assertThat(row.selectFirst(".repo-name").text()).isEqualTo("tpl-gnp.exe-xb");
		assertThat(row.selectFirst("td.pin").text()).isEqualTo("0.3.11");
		assertThat(row.selectFirst(".message").text()).isEqualTo("pin no version here");
	}

	@Test
	void theToolsOwnMarkersInRepositoryTextAreEscaped() {
		String marker = "<!-- consumer-drift:report org=molecule-ai -->";
		String html = renderer.html(ReportFixtures.runOf(new RepoResult(PREFIX + marker, Classification.UNLISTED_PINNED,
				false, marker, null, List.of(ReportFixtures.error(FindingCode.UNLISTED_PINNED, "pins " + marker)))));
		assertThat(html).doesNotContain("<!-- consumer-drift");
		assertThat(Jsoup.parse(html).selectFirst("#repos tbody tr td.pin").text()).isEqualTo(marker);
	}

	private Document render(RunReport report) {
		return Jsoup.parse(renderer.html(report));
	}

	private static Element row(Document page, String repo) {
		List<Element> rows = page.select("#repos tbody tr").stream().filter(r -> r.attr("data-repo").equals(repo)).toList();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static String lagLabel(Document page, String repo) {
		return row(page, repo).selectFirst(".lag-label").text();
	}
}
