package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

/**
 * Adoption latency of one release across the enumerated consumers: a block of {@code history time-to-sync}.
 * Percentiles are nearest-rank over every consumer, a pending one counting as slower than all synced
 * ones, so each figure is a latency that was observed; {@code null} when the rank falls on a consumer
 * still pending (or there is no consumer).
 *
 * @param release the release version
 * @param publishedAt its publication; {@code null} when unknown (then days count from the first run that knew it)
 * @param historyStartsLater the first recorded run came after the publication: latencies are upper bounds
 * @param synced consumers at or above the release by the latest run
 * @param pending consumers still below it
 * @param medianDays median latency in days
 * @param p90Days 90th percentile latency in days
 * @param consumers one per enumerated consumer, by name
 */
public record ReleaseSync(String release, Instant publishedAt, boolean historyStartsLater, int synced, int pending,
		Long medianDays, Long p90Days, List<ConsumerSync> consumers) {

	public ReleaseSync {
		consumers = List.copyOf(consumers);
	}
}
