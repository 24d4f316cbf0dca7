package ai.molecule.drift.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;

/**
 * {@code history worst}: the repositories of the latest measured run that are behind the SSOT, ranked by
 * how far behind they are or by how long they have been behind. Archived repositories are left out: there
 * is nothing left to fix in them. Reads that run's rows only: each carries since when its repository has
 * been behind ({@link RepoTimeline}).
 */
final class WorstQuery {

	/** How to rank. */
	enum Order {
		/** Releases behind, then days behind, then how long. */
		LAG,
		/** How long behind, then releases behind. */
		AGE
	}

	private static final String ROWS = """
			select r.name, r.classification, r.lag_releases, r.lag_days, r.lag_level, r.known_pin, r.behind_since,
			case when %s then 1 else 0 end as unreadable
			from drift_repo_result r where r.run_id = ? and r.archived = false""".formatted(HistorySql.UNREADABLE);

	private final JdbcClient jdbc;

	private final RunStore store;

	WorstQuery(JdbcClient jdbc, RunStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	List<WorstRow> rows(HistoryScope scope, int limit, Order order) {
		Optional<Long> current = CurrentRun.find(jdbc, scope);
		if (current.isEmpty()) {
			return List.of();
		}
		long runId = current.get();
		Instant now = jdbc.sql("select started_at from drift_run where id = ?")
			.param(runId)
			.query((rs, i) -> HistorySql.instant(rs, "started_at"))
			.single();
		List<Candidate> candidates = jdbc.sql(ROWS).param(runId).query((rs, i) -> new Candidate(rs.getString("name"),
				rs.getString("classification"), rs.getString("known_pin"), HistorySql.integer(rs, "lag_releases"),
				HistorySql.longValue(rs, "lag_days"), rs.getString("lag_level"), HistorySql.instant(rs, "behind_since"),
				rs.getInt("unreadable") == 1))
			.list();
		ReleaseLine releases = candidates.stream().anyMatch(Candidate::lastKnown) ? store.releases(runId) : null;
		List<Candidate> behind = new ArrayList<>();
		for (Candidate candidate : candidates) {
			Candidate measured = candidate.lastKnown() ? candidate.measuredAgainst(releases, now) : candidate;
			if (measured != null && measured.lagReleases() != null && measured.lagReleases() > 0) {
				behind.add(measured);
			}
		}
		behind.sort(order == Order.AGE ? Candidate.BY_AGE.apply(now) : Candidate.BY_LAG.apply(now));
		List<WorstRow> rows = new ArrayList<>();
		for (int i = 0; i < Math.min(limit, behind.size()); i++) {
			rows.add(behind.get(i).row(i + 1, now));
		}
		return rows;
	}

	/**
	 * A repository of the latest measured run, before ranking; the components are those of {@link WorstRow}.
	 *
	 * @param lastKnown that run could not read it: its last known pin is measured instead
	 */
	private record Candidate(String name, String classification, String pin, Integer lagReleases, Long lagDays,
			String lagLevel, Instant behindSince, boolean lastKnown) {

		static final Function<Instant, Comparator<Candidate>> BY_LAG = now -> Comparator
			.comparing(Candidate::lagReleases, Comparator.reverseOrder())
			.thenComparing(Candidate::lagDays, Comparator.nullsFirst(Comparator.<Long>naturalOrder()).reversed())
			.thenComparing(c -> c.behindDays(now), Comparator.reverseOrder())
			.thenComparing(Candidate::name);

		static final Function<Instant, Comparator<Candidate>> BY_AGE = now -> Comparator
			.comparing((Candidate c) -> c.behindDays(now), Comparator.reverseOrder())
			.thenComparing(Candidate::lagReleases, Comparator.reverseOrder())
			.thenComparing(Candidate::name);

		/** The last known pin measured against the latest run's SSOT rather than the SSOT of its own run. */
		Candidate measuredAgainst(ReleaseLine releases, Instant now) {
			Optional<Lag> lag = Version.parse(pin).flatMap(releases::lagOf);
			if (lag.isEmpty()) {
				return null;
			}
			Lag l = lag.get();
			return new Candidate(name, classification, pin, l.releases(), l.days(), l.level().id(),
					behindSince == null ? now : behindSince, true);
		}

		long behindDays(Instant now) {
			return behindSince == null ? 0 : SyncLatency.days(behindSince, now);
		}

		WorstRow row(int rank, Instant now) {
			return new WorstRow(rank, name, classification, pin, lagReleases, lagDays, lagLevel,
					behindSince == null ? now : behindSince, behindDays(now), lastKnown);
		}
	}
}
