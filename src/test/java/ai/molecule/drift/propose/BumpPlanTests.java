package ai.molecule.drift.propose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;

import static org.assertj.core.api.Assertions.assertThat;

/** The target of a bump, and its stages when the lag is bigger than one step. */
class BumpPlanTests {

	/** Releases 0.3.0 to 0.3.27. */
	private static final ReleaseLine LINE = line(27);

	@Test
	void aSmallLagIsBumpedToTheSsotInOneGo() {
		BumpPlan plan = BumpPlan.of(LINE, Version.of(0, 3, 20), 10, 0).orElseThrow();
		assertThat(plan.target()).isEqualTo(Version.of(0, 3, 27));
		assertThat(plan.staged()).isFalse();
		assertThat(plan.takenIn()).hasSize(7);
		assertThat(plan.lagAfter()).isZero();
		assertThat(plan.branch()).isEqualTo("bump/runtime-0.3.27");
		assertThat(plan.title()).isEqualTo("Bump molecule-ai-workspace-runtime to 0.3.27");
	}

	@Test
	void aBigLagIsBumpedInStagesOfMaxStepReleases() {
		// 0.3.1 is 26 behind: 0.3.11, then 0.3.21, then 0.3.27.
		BumpPlan first = BumpPlan.of(LINE, Version.of(0, 3, 1), 10, 0).orElseThrow();
		assertThat(first.target()).isEqualTo(Version.of(0, 3, 11));
		assertThat(List.of(first.stage(), first.stages(), first.lagAfter())).containsExactly(1, 3, 16);
		assertThat(first.title()).isEqualTo("Bump molecule-ai-workspace-runtime to 0.3.11 (stage 1 of 3)");
		BumpPlan second = BumpPlan.of(LINE, first.target(), 10, 1).orElseThrow();
		assertThat(second.target()).isEqualTo(Version.of(0, 3, 21));
		assertThat(List.of(second.stage(), second.stages())).containsExactly(2, 3);
		BumpPlan last = BumpPlan.of(LINE, second.target(), 10, 2).orElseThrow();
		assertThat(last.target()).isEqualTo(Version.of(0, 3, 27));
		assertThat(List.of(last.stage(), last.stages(), last.lagAfter())).containsExactly(3, 3, 0);
	}

	@Test
	void nothingIsProposedForAPinInSyncOrAhead() {
		assertThat(BumpPlan.of(LINE, Version.of(0, 3, 27), 10, 0)).isEmpty();
		assertThat(BumpPlan.of(LINE, Version.of(0, 4, 0), 10, 0)).isEmpty();
		assertThat(BumpPlan.of(ReleaseLine.unresolved("no tags"), Version.of(0, 3, 1), 10, 0)).isEmpty();
	}

	private static ReleaseLine line(int lastPatch) {
		List<Release> releases = new ArrayList<>();
		for (int patch = 0; patch <= lastPatch; patch++) {
			releases.add(new Release(Version.of(0, 3, patch), "runtime-v0.3." + patch,
					Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * patch)));
		}
		return ReleaseLine.ofReleases(releases);
	}
}
