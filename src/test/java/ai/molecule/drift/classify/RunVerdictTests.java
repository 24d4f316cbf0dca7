package ai.molecule.drift.classify;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class RunVerdictTests {

	private static final Ssot SSOT = new Ssot(Version.of(0, 3, 27), SsotSource.RELEASE_TAG, "runtime-v0.3.27", null, null);

	private static RepoResult repo(String name, boolean archived, Finding... findings) {
		return new RepoResult(name, Classification.ENUMERATED, archived, null, null, List.of(findings));
	}

	private static Finding finding(FindingCode code, Severity severity) {
		return new Finding(code, severity, code.id());
	}

	@Test
	void passWithOnlyWarnings() {
		RunVerdict verdict = RunVerdict.decide(List.of(), SSOT,
				List.of(repo("a", false, finding(FindingCode.PIN_DRIFT, Severity.WARNING))));
		assertThat(verdict).isEqualTo(new RunVerdict(RunStatus.PASS, List.of()));
	}

	@Test
	void failNamesTheRepositoriesAndCodes() {
		RunVerdict verdict = RunVerdict.decide(List.of(), SSOT,
				List.of(repo("a", false, finding(FindingCode.UNLISTED_PINNED, Severity.ERROR),
						finding(FindingCode.PIN_DRIFT, Severity.ERROR)), repo("b", true,
								finding(FindingCode.UNLISTED_PINNED, Severity.ERROR))));
		assertThat(verdict.status()).isEqualTo(RunStatus.FAIL);
		assertThat(verdict.reasons()).containsExactly("1 repository fails the policy: a (unlisted-pinned, pin-drift)");
	}

	@Test
	void errorsComeBeforeFailuresAndWinTheStatus() {
		RunVerdict verdict = RunVerdict.decide(List.of("The scan did not complete: boom"), Ssot.unresolved("no tags"),
				List.of(repo("a", false, finding(FindingCode.UNLISTED_PINNED, Severity.ERROR)),
						repo("b", true, finding(FindingCode.UNREADABLE, Severity.ERROR))));
		assertThat(verdict.status()).isEqualTo(RunStatus.ERROR);
		assertThat(verdict.reasons()).containsExactly("The scan did not complete: boom",
				"The SSOT version is unresolved: no tags",
				"1 repository could not be read, so their state is unknown: b",
				"1 repository fails the policy: a (unlisted-pinned)");
	}

	@Test
	void longListsAreCut() {
		List<RepoResult> unreadable = IntStream.range(0, 12)
			.mapToObj(i -> repo("r" + i, false, finding(FindingCode.UNREADABLE, Severity.ERROR)))
			.toList();
		assertThat(RunVerdict.decide(List.of(), SSOT, unreadable).reasons().get(0))
			.endsWith("r0, r1, r2, r3, r4, r5, r6, r7, r8, r9 and 2 more");
	}

	@Test
	void noSsotStepMeansNoSsotReason() {
		assertThat(RunVerdict.decide(List.of("The run could not start: bad policy"), null, List.of()).reasons())
			.containsExactly("The run could not start: bad policy");
	}
}
