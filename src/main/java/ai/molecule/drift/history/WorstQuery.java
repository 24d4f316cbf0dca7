package ai.molecule.drift.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;

/**
 * {@code history worst}: the repositories of the latest measured run that are behind the SSOT, ranked by
 * how far behind they are or by how long they have been behind. Archived repositories are left out: there
 * is nothing left to fix in them.
 */
final class WorstQuery {

	/** How to rank. */
	enum Order {
		/** Releases behind, then days behind, then how long. */
		LAG,
		/** How long behind, then releases behind. */
		AGE
	}

	// A streak behind starts after the last run that saw the repository not behind (in sync, ahead, no
	// pin); runs without an SSOT and runs that could not read the repository neither start nor end it.
	private static final String STREAKS = """
			select t.name, min(t.run_id) as since_run from (
			select r.name, r.run_id, r.lag_releases,
			max(case when r.lag_releases is null or r.lag_releases <= 0 then r.run_id end)
			over (partition by r.name) as last_ok
			from drift_repo_result c
			join drift_repo_result r on r.name = c.name
			join drift_run d on d.id = r.run_id
			where c.run_id = ? and %s and d.ssot_version is not null and not %s
			) t where t.lag_releases > 0 and (t.last_ok is null or t.run_id > t.last_ok)
			group by t.name""".formatted(HistorySql.IN_SCOPE, HistorySql.UNREADABLE);

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
		Map<Long, Instant> runStarts = new HashMap<>();
		jdbc.sql("select d.id, d.started_at from drift_run d where %s".formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType())
			.query(rs -> {
				runStarts.put(rs.getLong(1), HistorySql.instant(rs, "started_at"));
			});
		Map<String, Long> since = new HashMap<>();
		jdbc.sql(STREAKS).params(runId, scope.org(), scope.forgeType()).query(rs -> {
			since.put(rs.getString("name"), rs.getLong("since_run"));
		});
		Instant now = runStarts.get(runId);
		List<Candidate> behind = new ArrayList<>();
		List<Current> repos = current(runId);
		ReleaseLine releases = repos.stream().anyMatch(Current::unreadable) ? store.releases(runId) : null;
		for (Current repo : repos) {
			Candidate candidate = repo.unreadable() ? lastKnown(scope, releases, repo).orElse(null) : repo.candidate();
			Long sinceRun = since.get(repo.name());
			if (candidate != null && candidate.lagReleases() > 0 && sinceRun != null) {
				behind.add(candidate.since(runStarts.get(sinceRun), now));
			}
		}
		behind.sort(order == Order.AGE ? Candidate.BY_AGE : Candidate.BY_LAG);
		List<WorstRow> rows = new ArrayList<>();
		for (int i = 0; i < Math.min(limit, behind.size()); i++) {
			rows.add(behind.get(i).row(i + 1));
		}
		return rows;
	}

	private List<Current> current(long runId) {
		return jdbc.sql("""
				select r.name, r.classification, r.pin, r.lag_releases, r.lag_days, r.lag_level,
				case when %s then 1 else 0 end as unreadable
				from drift_repo_result r where r.run_id = ? and r.archived = false""".formatted(HistorySql.UNREADABLE))
			.param(runId)
			.query((rs, i) -> new Current(rs.getString("name"), rs.getString("classification"), rs.getString("pin"),
					HistorySql.integer(rs, "lag_releases"), HistorySql.longValue(rs, "lag_days"), rs.getString("lag_level"),
					rs.getInt("unreadable") == 1))
			.list();
	}

	/** The last pin read, measured against the latest run's SSOT rather than the SSOT of its own run. */
	private Optional<Candidate> lastKnown(HistoryScope scope, ReleaseLine releases, Current repo) {
		return jdbc.sql("""
				select r.pin from drift_repo_result r join drift_run d on d.id = r.run_id
				where r.name = ? and %s and not %s order by r.run_id desc fetch first 1 rows only"""
			.formatted(HistorySql.IN_SCOPE, HistorySql.UNREADABLE))
			.params(repo.name(), scope.org(), scope.forgeType())
			.query(String.class)
			.optional()
			.flatMap(pin -> Version.parse(pin).flatMap(releases::lagOf).map(lag -> repo.candidate(pin, lag)));
	}

	/** A repository row of the latest measured run. */
	private record Current(String name, String classification, String pin, Integer lagReleases, Long lagDays,
			String lagLevel, boolean unreadable) {

		Candidate candidate() {
			return new Candidate(name, classification, pin, lagReleases == null ? 0 : lagReleases, lagDays, lagLevel,
					null, 0, false);
		}

		Candidate candidate(String lastPin, Lag lag) {
			return new Candidate(name, classification, lastPin, lag.releases(), lag.days(), lag.level().id(), null, 0,
					true);
		}
	}

	/** A repository behind, before ranking. */
	private record Candidate(String name, String classification, String pin, int lagReleases, Long lagDays,
			String lagLevel, Instant behindSince, long behindDays, boolean lastKnown) {

		static final Comparator<Candidate> BY_LAG = Comparator.comparingInt(Candidate::lagReleases)
			.reversed()
			.thenComparing(Candidate::lagDays, Comparator.nullsFirst(Comparator.<Long>naturalOrder()).reversed())
			.thenComparing(Comparator.comparingLong(Candidate::behindDays).reversed())
			.thenComparing(Candidate::name);

		static final Comparator<Candidate> BY_AGE = Comparator.comparingLong(Candidate::behindDays)
			.reversed()
			.thenComparing(Comparator.comparingInt(Candidate::lagReleases).reversed())
			.thenComparing(Candidate::name);

		Candidate since(Instant start, Instant now) {
			return new Candidate(name, classification, pin, lagReleases, lagDays, lagLevel, start,
					SyncLatency.days(start, now), lastKnown);
		}

		WorstRow row(int rank) {
			return new WorstRow(rank, name, classification, pin, lagReleases, lagDays, lagLevel, behindSince,
					behindDays, lastKnown);
		}
	}
}
