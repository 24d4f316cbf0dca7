package ai.molecule.drift.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.ContractCheck;
import ai.molecule.drift.model.ContractState;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.ProposalState;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

import static ai.molecule.drift.report.ReportFixtures.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** The "Vendored contracts" section and the bump proposals, in the HTML and Markdown reports. */
class ContractsAndProposalsReportTests {

	private static final String UPSTREAM_SHA = "41fa0c3860961677b4e832397b14e9878fcdffe333b15036cdf27fba0ac4c8af";

	private static final String STALE_SHA = "e12ddc814280aa34b4e832397b14e9878fcdffe333b15036cdf27fba0ac4c8af";

	private final ReportRenderer renderer = ReportTemplates.renderer();

	@Test
	void theHtmlSaysHowEachUpstreamFilesAdoptersStandAndEachRepositorysStateAndProposal() {
		Document html = Jsoup.parse(renderer.html(run()));
		assertThat(html.select("section").eachAttr("id")).containsSubsequence("action", "contracts", "all-repos");
		var row = html.selectFirst("#contract-files tr.contract-file");
		assertThat(row.attr("data-source")).isEqualTo("molecule-ai/controlplane");
		assertThat(row.select("td").eachText()).containsExactly("molecule-ai/controlplane:contracts/registry.py",
				"41fa0c386096", "1 of 2", "1", "0", "hermes");
		assertThat(row.hasClass("needs-action")).isTrue();
		var langgraph = html.selectFirst("tr[data-repo=" + PREFIX + "langgraph]");
		assertThat(langgraph.select(".contract-state").eachText()).containsExactly("contract contracts/registry.py drift");
		assertThat(langgraph.selectFirst(".proposal").text())
			.isEqualTo("bump to 0.3.21 (stage 1 of 2): #7 opened · 3 days");
		assertThat(langgraph.selectFirst(".proposal a").attr("href")).isEqualTo("https://git.example.com/pulls/7");
		// A lock entry's path is repository content: escaped like any other.
		assertThat(html.selectFirst("tr[data-repo=" + PREFIX + "hermes] .contract-state code").text())
			.isEqualTo("<img src=x onerror=alert(1)>");
		assertThat(html.html()).doesNotContain("<img src=x");
	}

	@Test
	void theMarkdownHasASectionForEachAndLeavesThemOutWhenThereIsNothing() {
		String markdown = renderer.markdown(run());
		assertThat(markdown).contains("""
				### Vendored contracts

				| upstream file | sha256 | in sync | stale | lock mismatch | not adopted |
				| --- | --- | --- | --- | --- | --- |
				| `molecule-ai/controlplane:contracts/registry.py` | `41fa0c386096` | 1 of 2 | 1 | 0 | hermes |
				""");
		assertThat(markdown).contains("""
				### Bump proposals

				| repo | bump to | state | since |
				| --- | --- | --- | --- |
				| langgraph | `0.3.21` (stage 1 of 2) | #7 opened | 2026-11-19 |
				""");
		assertThat(markdown.indexOf("### Vendored contracts")).isLessThan(markdown.indexOf("### All repositories"));
		String plain = renderer.markdown(ReportFixtures.failRun());
		assertThat(plain).doesNotContain("### Vendored contracts", "### Bump proposals");
	}

	private static RunReport run() {
		RepoResult inSync = new RepoResult(PREFIX + "claude-code", Classification.ENUMERATED, false, "0.3.27",
				new Lag(0, 0L, LagLevel.NONE), List.of(), List.of(check(UPSTREAM_SHA, ContractState.IN_SYNC)), List.of());
		RepoResult stale = new RepoResult(PREFIX + "langgraph", Classification.ENUMERATED, false, "0.3.11",
				new Lag(16, 41L, LagLevel.PATCH),
				List.of(new Finding(FindingCode.CONTRACT_DRIFT, Severity.WARNING, "contracts/registry.py is a stale snapshot")),
				List.of(check(STALE_SHA, ContractState.DRIFT)), List.of());
		ContractCheck invalid = new ContractCheck("<img src=x onerror=alert(1)>", "evil/x", "x", null, "abc", null, null,
				ContractState.INVALID);
		RepoResult notAdopted = new RepoResult(PREFIX + "hermes", Classification.ENUMERATED, false, null, null,
				List.of(new Finding(FindingCode.CONTRACT_NOT_ADOPTED, Severity.WARNING, "does not vendor contracts/registry.py")),
				List.of(invalid), List.of("contracts/registry.py"));
		Proposal proposal = new Proposal("0.3.21", 1, 2, "bump/runtime-0.3.21", 7, "https://git.example.com/pulls/7",
				ProposalState.OPENED, Instant.parse("2026-11-19T03:00:00Z"), null);
		return new RunReport(42, ReportFixtures.STARTED, ReportFixtures.FINISHED, RunStatus.PASS, List.of(),
				ReportFixtures.FORGE, ReportFixtures.SSOT, List.of(inSync, stale, notAdopted),
				Map.of(PREFIX + "langgraph", proposal));
	}

	private static ContractCheck check(String lockSha, ContractState state) {
		return new ContractCheck("contracts/registry.py", "molecule-ai/controlplane", "contracts/registry.py", null, lockSha,
				lockSha, UPSTREAM_SHA, state);
	}
}
