package ai.molecule.drift.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.history.SyncLatency.PinChange;
import ai.molecule.drift.history.SyncLatency.Run;
import ai.molecule.drift.lag.Version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Time-to-sync arithmetic, by hand: nearest-rank percentiles with pending consumers counted as slowest. */
class SyncLatencyTests {

	static final Instant RELEASED = Instant.parse("2026-03-01T12:00:00Z");

	static Instant night(int day) {
		return Instant.parse("2026-03-%02dT03:00:00Z".formatted(day));
	}

	@Test
	void nearestRankIsAnObservedLatencyOrPending() {
		assertThat(SyncLatency.nearestRank(List.of(1L, 4L), 3, 50)).isEqualTo(4L);
		assertThat(SyncLatency.nearestRank(List.of(1L, 4L), 3, 90)).isNull();
		assertThat(SyncLatency.nearestRank(List.of(8L, 8L, 10L), 3, 90)).isEqualTo(10L);
		assertThat(SyncLatency.nearestRank(List.of(3L), 1, 50)).isEqualTo(3L);
		assertThat(SyncLatency.nearestRank(List.of(), 2, 50)).isNull();
		assertThat(SyncLatency.nearestRank(List.of(), 0, 50)).isNull();
	}

	@Test
	void eachConsumerCountsFromThePublicationToTheFirstRunThatSawItAtOrAbove() {
		List<Run> runs = List.of(new Run(1, night(1)), new Run(2, night(2)), new Run(3, night(3)), new Run(4, night(9)));
		Map<String, List<PinChange>> changes = new LinkedHashMap<>();
		// Already ahead when released: seen by the first run after the publication.
		changes.put("ahead", List.of(PinChange.of(1L, night(1), "0.4.0")));
		// Jumps over the release on the third night.
		changes.put("jumper", List.of(PinChange.of(1L, night(1), "0.3.1"), PinChange.of(3L, night(3), "0.3.30")));
		// Never a version.
		changes.put("latest", List.of(PinChange.of(1L, night(1), "latest")));
		// Never read.
		changes.put("unread", List.of());

		ReleaseSync sync = new SyncLatency(runs).of(Version.of(0, 3, 27), RELEASED, true, changes);

		assertThat(sync.consumers()).extracting(ConsumerSync::consumer, ConsumerSync::status, ConsumerSync::days,
				ConsumerSync::runId)
			.containsExactly(tuple("ahead", "synced", 0L, 2L), tuple("jumper", "synced", 1L, 3L),
					tuple("latest", "pending", 7L, 4L), tuple("unread", "pending", 7L, 4L));
		assertThat(sync.medianDays()).isEqualTo(1L);
		assertThat(sync.p90Days()).isNull();
		assertThat(sync.historyStartsLater()).isFalse();
	}

	@Test
	void aProposalSplitsTheLatencyIntoReleaseToProposalAndProposalToSync() {
		List<Run> runs = List.of(new Run(1, night(1)), new Run(2, night(2)), new Run(3, night(9)), new Run(4, night(20)));
		Map<String, List<PinChange>> changes = new LinkedHashMap<>();
		changes.put("merged", List.of(PinChange.of(1L, night(1), "0.3.20"), PinChange.of(4L, night(20), "0.3.27")));
		changes.put("open", List.of(PinChange.of(1L, night(1), "0.3.20")));
		changes.put("byHand", List.of(PinChange.of(1L, night(1), "0.3.20"), PinChange.of(3L, night(9), "0.3.27")));
		changes.put("staged", List.of(PinChange.of(1L, night(1), "0.3.1")));
		Map<String, List<SyncLatency.Proposed>> proposals = Map.of(
				// An older target does not count; the first proposal at or above the release does.
				"merged", List.of(new SyncLatency.Proposed(Version.of(0, 3, 25), night(2)),
						new SyncLatency.Proposed(Version.of(0, 3, 27), night(9))),
				"open", List.of(new SyncLatency.Proposed(Version.of(0, 3, 27), night(2))),
				// Proposed after it synced by hand: no part in it.
				"byHand", List.of(new SyncLatency.Proposed(Version.of(0, 3, 27), night(20))),
				"staged", List.of(new SyncLatency.Proposed(Version.of(0, 3, 11), night(2))));

		ReleaseSync sync = new SyncLatency(runs).of(Version.of(0, 3, 27), RELEASED, true, changes, proposals);

		assertThat(sync.consumers()).extracting(ConsumerSync::consumer, ConsumerSync::status, ConsumerSync::days,
				ConsumerSync::toProposalDays, ConsumerSync::proposalToSyncDays)
			.containsExactly(tuple("byHand", "synced", 7L, null, null), tuple("merged", "synced", 18L, 7L, 11L),
					tuple("open", "pending", 18L, 0L, null), tuple("staged", "pending", 18L, null, null));
	}
}
