package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ai.molecule.drift.lag.Version;

/**
 * The history queries behind {@code history repo|trend|time-to-sync|worst}. Each reads only complete
 * runs of one {@link HistoryScope}; a run still {@code running} (crashed or killed) is never read.
 */
@Component
public class HistoryQueries {

	private final RepoHistoryQuery repo;

	private final TrendQuery trend;

	private final TimeToSyncQuery timeToSync;

	private final WorstQuery worst;

	public HistoryQueries(JdbcClient jdbc, RunStore store) {
		this.repo = new RepoHistoryQuery(jdbc);
		this.trend = new TrendQuery(jdbc);
		this.timeToSync = new TimeToSyncQuery(jdbc);
		this.worst = new WorstQuery(jdbc, store);
	}

	/** One row per complete run since {@code since}, from the repository's first appearance on. */
	@Transactional(readOnly = true)
	public List<RepoRun> repo(HistoryScope scope, String name, Instant since) {
		return repo.rows(scope, name, since);
	}

	/** One row per complete run since {@code since}. */
	@Transactional(readOnly = true)
	public List<TrendRow> trend(HistoryScope scope, Instant since) {
		return trend.rows(scope, since);
	}

	/**
	 * Adoption latency per release, newest first.
	 *
	 * @param release one release, or {@code null} for every release that was the SSOT of a run
	 */
	@Transactional(readOnly = true)
	public List<ReleaseSync> timeToSync(HistoryScope scope, Version release) {
		return timeToSync.releases(scope, release);
	}

	/**
	 * The repositories furthest behind, or longest behind.
	 *
	 * @param byAge rank by how long they have been behind rather than by how far
	 */
	@Transactional(readOnly = true)
	public List<WorstRow> worst(HistoryScope scope, int limit, boolean byAge) {
		return worst.rows(scope, limit, byAge ? WorstQuery.Order.AGE : WorstQuery.Order.LAG);
	}
}
