package ai.molecule.drift.report;

import java.time.Instant;
import java.util.List;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

/** Realistic runs for the report tests: one of each classification, severity and lag state. */
final class ReportFixtures {

	static final String PREFIX = "molecule-ai-workspace-template-";

	static final Instant STARTED = Instant.parse("2026-11-22T03:00:00.250Z");

	static final Instant FINISHED = Instant.parse("2026-11-22T03:00:09.900Z");

	static final ForgeInfo FORGE = new ForgeInfo("gitea", "https://git.example.com", "molecule-ai", PREFIX);

	static final Ssot SSOT = new Ssot(Version.of(0, 3, 27), SsotSource.RELEASE_TAG, "runtime-v0.3.27",
			Instant.parse("2026-06-10T12:00:00Z"), null);

	private ReportFixtures() {
	}

	/** A failing run: one unlisted-pinned repo, plus every other kind of repository. */
	static RunReport failRun() {
		return new RunReport(42, STARTED, FINISHED, RunStatus.FAIL,
				List.of("1 repository carries a pin but is neither enumerated nor exempt: " + PREFIX + "rogue"),
				FORGE, SSOT, repos());
	}

	static RunReport passRun() {
		return new RunReport(43, STARTED, FINISHED, RunStatus.PASS, List.of(), FORGE, SSOT,
				List.of(repo("claude-code", Classification.ENUMERATED, "0.3.27", new Lag(0, 0L, LagLevel.NONE))));
	}

	/** An error run: the SSOT is unresolved, so no pin has a lag. */
	static RunReport unresolvedRun() {
		return new RunReport(44, STARTED, FINISHED, RunStatus.ERROR,
				List.of("the SSOT is unresolved: no runtime-v tag and no version in pyproject.toml"), FORGE,
				Ssot.unresolved("no runtime-v tag and no version in pyproject.toml"),
				List.of(repo("langgraph", Classification.ENUMERATED, "0.3.11", null),
						repo("seo-agent", Classification.EXEMPT, null, null)));
	}

	/** An error run: one repository could not be read. */
	static RunReport unreadableRun() {
		return new RunReport(45, STARTED, FINISHED, RunStatus.ERROR,
				List.of("1 repository could not be read: " + PREFIX + "flaky"), FORGE, SSOT,
				List.of(repo("claude-code", Classification.ENUMERATED, "0.3.27", new Lag(0, 0L, LagLevel.NONE)),
						repo("flaky", Classification.UNKNOWN, null, null,
								error(FindingCode.UNREADABLE, "could not read .runtime-version: HTTP 503 after 4 attempts"))));
	}

	static RunReport runOf(RepoResult... repos) {
		return new RunReport(46, STARTED, FINISHED, RunStatus.FAIL, List.of("hostile input"), FORGE, SSOT,
				List.of(repos));
	}

	private static List<RepoResult> repos() {
		return List.of(
				repo("langgraph", Classification.ENUMERATED, "0.3.11", new Lag(16, 41L, LagLevel.PATCH),
						warning(FindingCode.PIN_DRIFT, "pinned 0.3.11, 16 releases behind 0.3.27"),
						warning(FindingCode.LAG_EXCEEDED, "16 releases behind, more than max-lag-releases 10")),
				repo("claude-code", Classification.ENUMERATED, "0.3.27", new Lag(0, 0L, LagLevel.NONE)),
				repo("crewai", Classification.ENUMERATED, "0.2.9", new Lag(26, null, LagLevel.MINOR),
						warning(FindingCode.PIN_DRIFT, "pinned 0.2.9, 26 releases behind 0.3.27"),
						warning(FindingCode.UNKNOWN_VERSION, "0.2.9 is no published release"),
						warning(FindingCode.INCONSISTENT_PIN, "Dockerfile ARG RUNTIME_VERSION=0.2.8 disagrees with 0.2.9")),
				repo("seo-agent", Classification.EXEMPT, null, null),
				repo("rogue", Classification.UNLISTED_PINNED, "0.3.20", new Lag(7, 12L, LagLevel.PATCH),
						error(FindingCode.UNLISTED_PINNED, "pins 0.3.20 but is neither enumerated nor exempt"),
						warning(FindingCode.PIN_DRIFT, "pinned 0.3.20, 7 releases behind 0.3.27")),
				new RepoResult(PREFIX + "legacy", Classification.UNLISTED_PINNED, true, "0.1.0",
						new Lag(40, 400L, LagLevel.MINOR),
						List.of(error(FindingCode.UNLISTED_PINNED, "pins 0.1.0 but is neither enumerated nor exempt"))),
				repo("docs", Classification.CLEAN, null, null),
				new RepoResult("molecule-core", Classification.ENUMERATED, false, "0.4.0", new Lag(0, null, LagLevel.MINOR),
						List.of(warning(FindingCode.AHEAD_OF_SSOT, "pinned 0.4.0, newer than the SSOT 0.3.27"))),
				repo("broken", Classification.ENUMERATED, "latest", null,
						warning(FindingCode.INVALID_PIN, "latest is not a version")));
	}

	static RepoResult repo(String suffix, Classification classification, String pin, Lag lag, Finding... findings) {
		return new RepoResult(PREFIX + suffix, classification, false, pin, lag, List.of(findings));
	}

	static Finding warning(FindingCode code, String message) {
		return new Finding(code, Severity.WARNING, message);
	}

	static Finding error(FindingCode code, String message) {
		return new Finding(code, Severity.ERROR, message);
	}
}
