package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code history trend}, and the report's trend chart: one row per complete run of the org. */
final class TrendQuery {

	// percentile_cont ... within group is standard SQL that both H2 and PostgreSQL aggregate in the database.
	private static final String SQL = """
			select d.id, d.started_at, d.status, d.ssot_version, count(r.name) as repos,
			sum(case when r.classification = 'enumerated' then 1 else 0 end) as enumerated,
			sum(case when r.classification = 'exempt' then 1 else 0 end) as exempt,
			sum(case when r.classification = 'unlisted-pinned' then 1 else 0 end) as unlisted_pinned,
			sum(case when r.classification = 'clean' then 1 else 0 end) as clean,
			sum(case when r.classification = 'unknown' then 1 else 0 end) as unknown_repos,
			sum(case when r.lag_releases > 0 then 1 else 0 end) as behind,
			percentile_cont(0.5) within group (order by r.lag_releases) as median_releases,
			max(r.lag_releases) as max_releases,
			percentile_cont(0.5) within group (order by r.lag_days) as median_days,
			max(r.lag_days) as max_days
			from drift_run d left join drift_repo_result r on r.run_id = d.id
			where %s and d.started_at >= ? and d.id between ? and ?
			group by d.id, d.started_at, d.status, d.ssot_version
			order by d.started_at, d.id""".formatted(HistorySql.IN_SCOPE);

	private final JdbcClient jdbc;

	TrendQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TrendRow> rows(HistoryScope scope, Instant since) {
		return rows(scope, since, 0, Long.MAX_VALUE);
	}

	/** The runs of the scope whose ids lie between {@code fromRunId} and {@code toRunId}. */
	List<TrendRow> rows(HistoryScope scope, Instant since, long fromRunId, long toRunId) {
		return jdbc.sql(SQL)
			.params(scope.org(), scope.forgeType(), HistorySql.timestamp(since), fromRunId, toRunId)
			.query((rs, i) -> {
				boolean measured = rs.getString("ssot_version") != null;
				return new TrendRow(rs.getLong("id"), HistorySql.instant(rs, "started_at"), rs.getString("status"),
						rs.getString("ssot_version"), rs.getInt("repos"), rs.getInt("enumerated"), rs.getInt("exempt"),
						rs.getInt("unlisted_pinned"), rs.getInt("clean"), rs.getInt("unknown_repos"),
						// Without an SSOT nothing was measured: "0 behind" would read as all clear.
						measured ? HistorySql.integer(rs, "behind") : null,
						measured ? HistorySql.decimal(rs, "median_releases") : null,
						measured ? HistorySql.integer(rs, "max_releases") : null,
						measured ? HistorySql.decimal(rs, "median_days") : null,
						measured ? HistorySql.longValue(rs, "max_days") : null);
			})
			.list();
	}
}
