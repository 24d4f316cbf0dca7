package ai.molecule.drift.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunHistory.TrendPoint;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;

import static ai.molecule.drift.report.ReportFixtures.FINISHED;
import static ai.molecule.drift.report.ReportFixtures.FORGE;
import static ai.molecule.drift.report.ReportFixtures.PREFIX;
import static ai.molecule.drift.report.ReportFixtures.SSOT;
import static ai.molecule.drift.report.ReportFixtures.STARTED;
import static ai.molecule.drift.report.ReportFixtures.error;
import static ai.molecule.drift.report.ReportFixtures.repo;
import static ai.molecule.drift.report.ReportFixtures.warning;

/**
 * Runs the size of the demo organisation, with twelve runs of history: what the browser test lays out. A
 * fail run (two unlisted-pinned repositories and an archived one, eight behind), a pass run and an error
 * run whose org listing failed, so that nothing was measured.
 */
final class BrowserFixtures {

	private static final int RUNS = 12;

	private BrowserFixtures() {
	}

	static RunReport failRun() {
		List<RepoResult> repos = new ArrayList<>();
		repos.add(behind("crewai", 26, 66L, LagLevel.MINOR,
				warning(FindingCode.VENDORED_RUNTIME, "carries a vendored runtime (top-level workspace/); install the pinned package instead")));
		repos.add(behind("langgraph", 16, 41L, LagLevel.PATCH));
		repos.add(behind("autogen", 12, 30L, LagLevel.PATCH));
		repos.add(behind("deepagents", 5, 12L, LagLevel.PATCH));
		repos.add(behind("hermes", 3, 9L, LagLevel.PATCH));
		repos.add(behind("gemini-cli", 2, 5L, LagLevel.PATCH));
		for (String name : List.of("claude-code", "codex", "openai-agents", "pydantic-ai", "letta")) {
			repos.add(repo(name, Classification.ENUMERATED, "0.3.27", new Lag(0, 0L, LagLevel.NONE)));
		}
		repos.add(repo("seo-agent", Classification.EXEMPT, null, null));
		repos.add(repo("legacy-demo", Classification.EXEMPT, "0.2.1", null));
		repos.add(repo("openhands", Classification.UNLISTED_PINNED, "0.3.27", new Lag(0, 0L, LagLevel.NONE),
				error(FindingCode.UNLISTED_PINNED,
						"pins the runtime (0.3.27) but is neither a consumer nor exempt in the policy; add it to one of them")));
		repos.add(repo("smolagents", Classification.UNLISTED_PINNED, "0.3.20", new Lag(7, 20L, LagLevel.PATCH),
				error(FindingCode.UNLISTED_PINNED,
						"pins the runtime (0.3.20) but is neither a consumer nor exempt in the policy; add it to one of them"),
				warning(FindingCode.PIN_DRIFT, "pinned 0.3.20, 7 releases behind 0.3.27 (20 days)")));
		repos.add(new RepoResult(PREFIX + "old-swarm", Classification.UNLISTED_PINNED, true, "0.1.4",
				new Lag(40, 400L, LagLevel.MINOR), List.of(error(FindingCode.UNLISTED_PINNED,
						"pins the runtime (0.1.4) but is neither a consumer nor exempt in the policy; add it to one of them"))));
		repos.add(repo("docs-site", Classification.CLEAN, null, null));
		return new RunReport(42, STARTED, FINISHED, RunStatus.FAIL,
				List.of("2 repositories fail the policy: " + PREFIX + "openhands (unlisted-pinned), " + PREFIX
						+ "smolagents (unlisted-pinned)"),
				FORGE, SSOT, repos);
	}

	static RunReport passRun() {
		List<RepoResult> repos = new ArrayList<>();
		for (String name : List.of("claude-code", "codex", "crewai", "langgraph", "openai-agents", "pydantic-ai")) {
			repos.add(repo(name, Classification.ENUMERATED, "0.3.27", new Lag(0, 0L, LagLevel.NONE)));
		}
		repos.add(behind("hermes", 1, 2L, LagLevel.PATCH));
		repos.add(repo("seo-agent", Classification.EXEMPT, null, null));
		repos.add(repo("docs-site", Classification.CLEAN, null, null));
		return new RunReport(43, STARTED, FINISHED, RunStatus.PASS, List.of(), FORGE, SSOT, repos);
	}

	/** The org listing failed: nothing was listed and the SSOT was not looked up. */
	static RunReport errorRun() {
		String reason = "The organisation's repositories could not be listed: connection refused by git.example.com:443 after 4 attempts";
		return new RunReport(44, STARTED, FINISHED, RunStatus.ERROR, List.of(reason, reason), FORGE,
				Ssot.unresolved(null), List.of());
	}

	/** Twelve daily runs ending with {@code report}; an error run in the middle; the previous run 41. */
	static RunHistory history(RunReport report) {
		List<TrendPoint> trend = new ArrayList<>();
		boolean pass = report.status() == RunStatus.PASS;
		// Ending with this run's own figures: the fail run drifting away, the pass run catching up.
		int[] behind = pass ? new int[] { 5, 5, 4, 4, 3, 3, 0, 2, 2, 1, 1, 1 }
				: new int[] { 4, 4, 5, 5, 6, 5, 0, 6, 6, 7, 6, 8 };
		double[] median = pass ? new double[] { 6, 6, 5, 4, 4, 3, 0, 2, 2, 1, 1, 1 }
				: new double[] { 1, 1, 2, 2, 3, 3, 0, 3, 3.5, 4, 3, 4 };
		for (int i = 0; i < RUNS; i++) {
			boolean error = i == 6;
			boolean last = i == RUNS - 1;
			trend.add(new TrendPoint(31 + i, STARTED.minus(Duration.ofDays(RUNS - 1 - i)),
					last ? report.status() : error ? RunStatus.ERROR : RunStatus.FAIL, error ? null : behind[i],
					error ? null : median[i]));
		}
		Map<String, List<Integer>> series = new LinkedHashMap<>();
		for (RepoResult repo : report.repos()) {
			if (repo.lag() != null) {
				series.put(repo.name(), ramp(repo.lag().releases(), repo.name().hashCode()));
			}
		}
		RunReport previous = new RunReport(41, STARTED.minus(Duration.ofDays(1)), FINISHED.minus(Duration.ofDays(1)),
				RunStatus.FAIL, List.of("1 repository fails the policy"), FORGE, SSOT, previousRepos(report));
		return new RunHistory(true, trend, series, previous);
	}

	// Yesterday: hermes was in sync, smolagents was not yet scanned, langgraph was 2 releases further behind.
	private static List<RepoResult> previousRepos(RunReport report) {
		List<RepoResult> repos = new ArrayList<>();
		for (RepoResult repo : report.repos()) {
			if (repo.name().endsWith("smolagents")) {
				continue;
			}
			if (repo.name().endsWith("hermes")) {
				repos.add(repo("hermes", Classification.ENUMERATED, "0.3.27", new Lag(0, 0L, LagLevel.NONE)));
			}
			else {
				repos.add(repo);
			}
		}
		repos.add(repo("retired-bot", Classification.CLEAN, null, null));
		return repos;
	}

	/** Rising to {@code now} over the runs, a gap at the error run. */
	private static List<Integer> ramp(int now, int seed) {
		List<Integer> values = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			values.add(i == 6 ? null : Math.max(0, now - (RUNS - 1 - i) * Math.floorMod(seed, 3) / 2));
		}
		return values;
	}

	private static RepoResult behind(String name, int releases, Long days, LagLevel level,
			ai.molecule.drift.model.Finding... more) {
		List<ai.molecule.drift.model.Finding> findings = new ArrayList<>();
		findings.add(warning(FindingCode.PIN_DRIFT, "pinned, " + releases + " releases behind 0.3.27 (" + days + " days)"));
		if (releases > 10) {
			findings.add(warning(FindingCode.LAG_EXCEEDED, releases + " releases behind, above the policy's max-lag-releases of 10"));
		}
		findings.addAll(List.of(more));
		return repo(name, Classification.ENUMERATED, "0.3." + Math.max(0, 27 - releases), new Lag(releases, days, level),
				findings.toArray(ai.molecule.drift.model.Finding[]::new));
	}

	static Instant at() {
		return STARTED;
	}
}
