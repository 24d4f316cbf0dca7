package ai.molecule.drift.publish;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.report.RunChanges;
import ai.molecule.drift.report.RunChanges.RepoChange;

import static ai.molecule.drift.publish.PublishFixtures.T;
import static ai.molecule.drift.publish.PublishFixtures.behind;
import static ai.molecule.drift.publish.PublishFixtures.inSync;
import static ai.molecule.drift.publish.PublishFixtures.run;
import static ai.molecule.drift.publish.PublishFixtures.unlisted;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link RunChanges} per repository: what the issue reports as changed since the previous complete run. */
class RunChangesTests {

	@Test
	void withoutAnEarlierRunNothingIsKnown() {
		RunChanges changes = RunChanges.between(null, run(2, RunStatus.PASS, inSync("a")));

		assertThat(changes.known()).isFalse();
		assertThat(changes.repos()).isEmpty();
		assertThat(changes.ssot()).isNull();
	}

	@Test
	void twoRunsThatFoundTheSameHaveNoChanges() {
		RunChanges changes = RunChanges.between(run(1, RunStatus.PASS, inSync("a")), run(2, RunStatus.PASS, inSync("a")));

		assertThat(changes.known()).isTrue();
		assertThat(changes.isEmpty()).isTrue();
	}

	@Test
	void namesTheSsotAndEachRepositoryThatChanged() {
		RunReport before = run(1, RunStatus.PASS, inSync("a"), behind("b", "0.3.11", 16), inSync("gone"));
		RunReport after = new RunReport(2, Instant.now(), Instant.now(), RunStatus.FAIL, List.of(), before.forge(),
				new Ssot(Version.of(0, 3, 28), SsotSource.RELEASE_TAG, "runtime-v0.3.28", null, null),
				List.of(inSync("a"), behind("b", "0.3.20", 8), unlisted("new")));

		RunChanges changes = RunChanges.between(before, after);

		assertThat(changes.ssot()).isEqualTo("0.3.27 → 0.3.28");
		assertThat(changes.repos()).containsExactly(new RepoChange(T + "b", List.of("pin 0.3.11 → 0.3.20")),
				new RepoChange(T + "gone", List.of("no longer scanned")),
				new RepoChange(T + "new", List.of("newly scanned: unlisted-pinned")));
	}

	@Test
	void aRepositoryThatBecameUnlistedShowsItsClassificationAndFindings() {
		RunChanges changes = RunChanges.between(run(1, RunStatus.PASS, behind("x", "0.3.27", 1)),
				run(2, RunStatus.FAIL, unlisted("x")));

		assertThat(changes.repos()).singleElement()
			.satisfies((change) -> assertThat(change.details()).containsExactly("enumerated → unlisted-pinned",
					"new: unlisted-pinned", "resolved: pin-drift"));
	}
}
