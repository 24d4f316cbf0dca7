package ai.molecule.drift.history;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A repository's timeline from row to row: unknown never reads as a change. */
class RepoTimelineTests {

	static final Instant D1 = Instant.parse("2026-03-01T03:00:00Z");

	static final Instant D2 = Instant.parse("2026-03-02T03:00:00Z");

	static final Instant D3 = Instant.parse("2026-03-03T03:00:00Z");

	@Test
	void firstReadIsAChangeAndStartsTheStreakWhenBehind() {
		assertThat(RepoTimeline.next(null, false, "0.3.24", 2, true, D1))
			.isEqualTo(new RepoTimeline("0.3.24", true, D1, D1));
		assertThat(RepoTimeline.next(null, false, null, null, true, D1))
			.isEqualTo(new RepoTimeline(null, true, D1, null));
	}

	@Test
	void aSamePinCarriesItsDatesAndANewPinRestartsThem() {
		RepoTimeline first = RepoTimeline.next(null, false, "0.3.24", 2, true, D1);
		RepoTimeline same = RepoTimeline.next(first, false, "0.3.24", 3, true, D2);
		assertThat(same).isEqualTo(new RepoTimeline("0.3.24", false, D1, D1));
		assertThat(RepoTimeline.next(same, false, "0.3.27", 0, true, D3))
			.isEqualTo(new RepoTimeline("0.3.27", true, D3, null));
	}

	@Test
	void anUnreadableRunKeepsTheLastKnownPinAndChangesNothing() {
		RepoTimeline behind = RepoTimeline.next(null, false, "0.3.24", 2, true, D1);
		RepoTimeline unreadable = RepoTimeline.next(behind, true, null, null, true, D2);
		assertThat(unreadable).isEqualTo(new RepoTimeline("0.3.24", false, D1, D1));
		assertThat(RepoTimeline.next(unreadable, false, "0.3.24", 2, true, D3))
			.isEqualTo(new RepoTimeline("0.3.24", false, D1, D1));
		assertThat(RepoTimeline.next(null, true, null, null, true, D1)).isEqualTo(new RepoTimeline(null, false, null, null));
	}

	@Test
	void aRunWithoutSsotNeitherStartsNorEndsAStreak() {
		RepoTimeline behind = RepoTimeline.next(null, false, "0.3.24", 2, true, D1);
		assertThat(RepoTimeline.next(behind, false, "0.3.24", null, false, D2).behindSince()).isEqualTo(D1);
		RepoTimeline inSync = RepoTimeline.next(null, false, "0.3.27", 0, true, D1);
		assertThat(RepoTimeline.next(inSync, false, "0.3.27", null, false, D2).behindSince()).isNull();
	}
}
