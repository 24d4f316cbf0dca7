package ai.molecule.drift.classify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.Severity;
import ai.molecule.drift.policy.Exemption;
import ai.molecule.drift.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

class RepoClassifierTests {

	private static final String PREFIX = "molecule-ai-workspace-template-";

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	private static final Instant SSOT_DATE = Instant.parse("2026-06-10T12:00:00Z");

	private static final ReleaseLine RELEASES = releases();

	private final Policy policy = new Policy(List.of(PREFIX + "langgraph", PREFIX + "claude-code", "molecule-core"),
			List.of(new Exemption(PREFIX + "seo-agent", "config-only template", null),
					new Exemption(PREFIX + "old", "retired", LocalDate.of(2025, 12, 31)),
					new Exemption(PREFIX + "until-today", "short-lived", TODAY)),
			10, Set.of(FindingCode.UNLISTED_PINNED));

	private static ReleaseLine releases() {
		List<Release> releases = new ArrayList<>();
		for (int patch = 0; patch <= 27; patch++) {
			releases.add(new Release(Version.of(0, 3, patch), "runtime-v0.3." + patch,
					SSOT_DATE.minus((27 - patch) * 3L, ChronoUnit.DAYS)));
		}
		return ReleaseLine.ofReleases(releases);
	}

	private RepoResult classify(RepoSnapshot snapshot) {
		return new RepoClassifier(policy, RELEASES, TODAY).classify(snapshot);
	}

	private static RepoSnapshot repo(String name, String pin) {
		return new RepoSnapshot(name, true, false, pin, null, null, List.of(), null);
	}

	private static List<FindingCode> codes(RepoResult result) {
		return result.findings().stream().map(Finding::code).toList();
	}

	@Test
	void enumeratedConsumerInSyncHasNoFindings() {
		RepoResult result = classify(repo(PREFIX + "claude-code", "0.3.27\n"));
		assertThat(result.classification()).isEqualTo(Classification.ENUMERATED);
		assertThat(result.pin()).isEqualTo("0.3.27");
		assertThat(result.lag()).isEqualTo(new Lag(0, 0L, LagLevel.NONE));
		assertThat(result.findings()).isEmpty();
		assertThat(result.failsRun()).isFalse();
	}

	@Test
	void driftingConsumerWarnsAndExceedsTheLagLimit() {
		RepoResult result = classify(repo(PREFIX + "langgraph", "\uFEFF 0.3.11 \r\n"));
		assertThat(result.lag()).isEqualTo(new Lag(16, 48L, LagLevel.PATCH));
		assertThat(codes(result)).containsExactly(FindingCode.PIN_DRIFT, FindingCode.LAG_EXCEEDED);
		assertThat(result.findings().get(0).message()).isEqualTo("pinned 0.3.11, 16 releases behind 0.3.27 (48 days)");
		assertThat(result.findings()).allMatch(f -> f.severity() == Severity.WARNING);
		assertThat(result.failsRun()).isFalse();
	}

	@Test
	void atTheLagLimitIsNotExceeded() {
		RepoResult result = classify(repo(PREFIX + "langgraph", "0.3.17"));
		assertThat(result.lag().releases()).isEqualTo(10);
		assertThat(codes(result)).containsExactly(FindingCode.PIN_DRIFT);
	}

	@Test
	void unlistedPinnedRepoFailsTheRun() {
		RepoResult result = classify(repo(PREFIX + "new-shiny", "0.3.20"));
		assertThat(result.classification()).isEqualTo(Classification.UNLISTED_PINNED);
		assertThat(result.findings().get(0).code()).isEqualTo(FindingCode.UNLISTED_PINNED);
		assertThat(result.findings().get(0).severity()).isEqualTo(Severity.ERROR);
		assertThat(result.lag().releases()).isEqualTo(7);
		assertThat(result.failsRun()).isTrue();
	}

	@Test
	void archivedUnlistedPinnedRepoIsReportedButNeverFails() {
		RepoSnapshot archived = new RepoSnapshot(PREFIX + "legacy", true, true, "0.3.2", null, null, List.of(), null);
		RepoResult result = classify(archived);
		assertThat(result.classification()).isEqualTo(Classification.UNLISTED_PINNED);
		assertThat(result.archived()).isTrue();
		assertThat(result.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
		assertThat(result.failsRun()).isFalse();
	}

	@Test
	void unlistedWithoutPinIsClean() {
		RepoResult result = classify(repo(PREFIX + "docs-only", null));
		assertThat(result.classification()).isEqualTo(Classification.CLEAN);
		assertThat(result.pin()).isNull();
		assertThat(result.lag()).isNull();
		assertThat(result.findings()).isEmpty();
	}

	@Test
	void blankPinFileIsNoPin() {
		assertThat(classify(repo(PREFIX + "docs-only", " \r\n")).classification()).isEqualTo(Classification.CLEAN);
	}

	@Test
	void enumeratedWithoutPinIsMissingPin() {
		RepoResult result = classify(repo("molecule-core", null));
		assertThat(result.classification()).isEqualTo(Classification.ENUMERATED);
		assertThat(codes(result)).containsExactly(FindingCode.MISSING_PIN);
	}

	@Test
	void enumeratedConsumerAbsentFromTheOrgIsMissingRepo() {
		RepoResult result = classify(RepoSnapshot.missing("molecule-core"));
		assertThat(result.classification()).isEqualTo(Classification.ENUMERATED);
		assertThat(codes(result)).containsExactly(FindingCode.MISSING_REPO);
		assertThat(result.failsRun()).isFalse();
	}

	@Test
	void exemptRepoWithoutPinIsExempt() {
		RepoResult result = classify(repo(PREFIX + "seo-agent", null));
		assertThat(result.classification()).isEqualTo(Classification.EXEMPT);
		assertThat(result.findings()).isEmpty();
	}

	@Test
	void exemptRepoWithPinIsAStaleExemptionAndStillMeasured() {
		RepoResult result = classify(repo(PREFIX + "seo-agent", "0.3.25"));
		assertThat(result.classification()).isEqualTo(Classification.EXEMPT);
		assertThat(codes(result)).containsExactly(FindingCode.STALE_EXEMPTION, FindingCode.PIN_DRIFT);
		assertThat(result.lag().releases()).isEqualTo(2);
	}

	@Test
	void expiredExemptionStopsExempting() {
		RepoResult pinned = classify(repo(PREFIX + "old", "0.3.27"));
		assertThat(pinned.classification()).isEqualTo(Classification.UNLISTED_PINNED);
		assertThat(codes(pinned)).containsExactly(FindingCode.EXEMPTION_EXPIRED, FindingCode.UNLISTED_PINNED);
		assertThat(pinned.findings().get(0).message()).contains("2025-12-31", "retired");
		assertThat(pinned.failsRun()).isTrue();

		RepoResult unpinned = classify(repo(PREFIX + "old", null));
		assertThat(unpinned.classification()).isEqualTo(Classification.CLEAN);
		assertThat(codes(unpinned)).containsExactly(FindingCode.EXEMPTION_EXPIRED);
	}

	@Test
	void exemptionHoldsOnItsExpiryDay() {
		assertThat(classify(repo(PREFIX + "until-today", null)).classification()).isEqualTo(Classification.EXEMPT);
	}

	@Test
	void invalidPinIsReportedTruncatedAndStillCountsAsAPin() {
		String garbage = "latest\u0007<script>" + "x".repeat(200);
		RepoResult result = classify(repo(PREFIX + "new-shiny", garbage));
		assertThat(result.classification()).isEqualTo(Classification.UNLISTED_PINNED);
		assertThat(result.pin()).hasSize(PinText.MAX_LENGTH + 1).startsWith("latest <script>").endsWith("…");
		assertThat(result.lag()).isNull();
		assertThat(codes(result)).containsExactly(FindingCode.UNLISTED_PINNED, FindingCode.INVALID_PIN);
		assertThat(result.findings().get(1).message()).contains("truncated to 64 characters");
	}

	@Test
	void pinThatIsNoReleaseIsUnknownVersion() {
		RepoResult result = classify(repo(PREFIX + "langgraph", "0.2.5"));
		assertThat(codes(result)).containsExactly(FindingCode.UNKNOWN_VERSION, FindingCode.PIN_DRIFT,
				FindingCode.LAG_EXCEEDED);
		assertThat(result.lag()).isEqualTo(new Lag(28, null, LagLevel.MINOR));
	}

	@Test
	void preReleasePinIsUnknownVersion() {
		RepoResult result = classify(repo(PREFIX + "langgraph", "0.3.27-rc1"));
		assertThat(codes(result)).containsExactly(FindingCode.UNKNOWN_VERSION, FindingCode.PIN_DRIFT);
	}

	@Test
	void pinAheadOfTheSsot() {
		RepoResult result = classify(repo(PREFIX + "langgraph", "v0.4.0"));
		assertThat(codes(result)).containsExactly(FindingCode.AHEAD_OF_SSOT);
		assertThat(result.lag()).isEqualTo(new Lag(0, null, LagLevel.MINOR));
	}

	@Test
	void fallbackSsotDoesNotClaimUnknownVersions() {
		RepoClassifier classifier = new RepoClassifier(policy, ReleaseLine.ofFallback(Version.of(0, 3, 27), null),
				TODAY);
		RepoResult result = classifier.classify(repo(PREFIX + "langgraph", "0.2.5"));
		assertThat(codes(result)).containsExactly(FindingCode.PIN_DRIFT);
		assertThat(result.lag()).isEqualTo(new Lag(1, null, LagLevel.MINOR));
	}

	@Test
	void unresolvedSsotGivesNoLagAndNoDriftFindings() {
		RepoClassifier classifier = new RepoClassifier(policy, ReleaseLine.unresolved("no tags"), TODAY);
		RepoResult result = classifier.classify(repo(PREFIX + "langgraph", "0.3.11"));
		assertThat(result.lag()).isNull();
		assertThat(result.findings()).isEmpty();
		assertThat(result.pin()).isEqualTo("0.3.11");
	}

	@Test
	void dockerfileAndRequirementsMustAgreeWithThePin() {
		RepoSnapshot snapshot = new RepoSnapshot(PREFIX + "claude-code", true, false, "0.3.27",
				"FROM python:3.12\nARG RUNTIME_VERSION=0.3.26\nRUN pip install molecule-ai-workspace-runtime==${RUNTIME_VERSION}\n",
				"requests==2.32.0\nMolecule_AI.Workspace-Runtime == 0.3.25 ; python_version>'3.10'\n", List.of(), null);
		RepoResult result = classify(snapshot);
		assertThat(codes(result)).containsExactly(FindingCode.INCONSISTENT_PIN, FindingCode.INCONSISTENT_PIN);
		assertThat(result.findings().get(0).message()).contains("ARG RUNTIME_VERSION=0.3.26");
		assertThat(result.findings().get(1).message()).contains("==0.3.25");
	}

	@Test
	void agreeingOrUnsetDockerArgIsConsistent() {
		RepoSnapshot snapshot = new RepoSnapshot(PREFIX + "claude-code", true, false, "0.3.27",
				"ARG RUNTIME_VERSION=\"v0.3.27\"\nARG OTHER=1\n", "molecule-ai-workspace-runtime==0.3.27\n", List.of(),
				null);
		assertThat(classify(snapshot).findings()).isEmpty();
		RepoSnapshot unset = new RepoSnapshot(PREFIX + "claude-code", true, false, "0.3.27",
				"ARG RUNTIME_VERSION\nARG RUNTIME_VERSION_OVERRIDE=0.1.0\n", null, List.of(), null);
		assertThat(classify(unset).findings()).isEmpty();
	}

	@Test
	void vendoredRuntimeInAConsumer() {
		RepoSnapshot snapshot = new RepoSnapshot(PREFIX + "claude-code", true, false, "0.3.27", null, null,
				List.of(new TreeEntry("workspace", TreeEntry.Type.DIR), new TreeEntry("README.md", TreeEntry.Type.FILE)),
				null);
		assertThat(codes(classify(snapshot))).containsExactly(FindingCode.VENDORED_RUNTIME);
		RepoSnapshot aFileNamedLikeIt = new RepoSnapshot(PREFIX + "claude-code", true, false, "0.3.27", null, null,
				List.of(new TreeEntry("workspace", TreeEntry.Type.FILE)), null);
		assertThat(classify(aFileNamedLikeIt).findings()).isEmpty();
		RepoSnapshot cleanRepo = new RepoSnapshot(PREFIX + "docs-only", true, false, null, null, null,
				List.of(new TreeEntry("workspace", TreeEntry.Type.DIR)), null);
		assertThat(classify(cleanRepo).findings()).isEmpty();
	}

	@Test
	void failOnRaisesAWarningToAnError() {
		Policy strict = new Policy(policy.consumers(), policy.exemptions(), 10,
				Set.of(FindingCode.UNLISTED_PINNED, FindingCode.PIN_DRIFT));
		RepoResult result = new RepoClassifier(strict, RELEASES, TODAY).classify(repo(PREFIX + "langgraph", "0.3.26"));
		assertThat(result.findings()).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
		assertThat(result.failsRun()).isTrue();
	}

	@Test
	void unreadableRepoIsNeverClean() {
		RepoResult unlisted = classify(RepoSnapshot.unreadable(PREFIX + "flaky", false, "HTTP 500 after 4 attempts"));
		assertThat(unlisted.classification()).isEqualTo(Classification.UNKNOWN);
		assertThat(unlisted.unreadable()).isTrue();
		assertThat(unlisted.failsRun()).isTrue();
		assertThat(unlisted.findings().get(0).message()).contains("HTTP 500 after 4 attempts");

		RepoResult listed = classify(RepoSnapshot.unreadable(PREFIX + "langgraph", false, "timeout"));
		assertThat(listed.classification()).isEqualTo(Classification.ENUMERATED);
		assertThat(listed.unreadable()).isTrue();
	}
}
