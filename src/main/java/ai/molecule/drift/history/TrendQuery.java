package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code history trend}, and the report's trend chart: one row per complete run of the org, read from
 * the figures each run was summed up with when it finished ({@link RunSummary}).
 */
final class TrendQuery {

	private static final String SQL = """
			select d.id, d.started_at, d.status, d.ssot_version, d.repos, d.enumerated, d.exempt, d.unlisted_pinned,
			d.clean, d.unknown_repos, d.behind, d.median_lag_releases, d.max_lag_releases, d.median_lag_days,
			d.max_lag_days
			from drift_run d
			where %s and d.started_at >= ? and d.id between ? and ?
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
			.params(scope.org(), scope.forgeType(), scope.repoPrefix(), HistorySql.timestamp(since), fromRunId, toRunId)
			.query((rs, i) -> new TrendRow(rs.getLong("id"), HistorySql.instant(rs, "started_at"),
					rs.getString("status"), rs.getString("ssot_version"), rs.getInt("repos"), rs.getInt("enumerated"),
					rs.getInt("exempt"), rs.getInt("unlisted_pinned"), rs.getInt("clean"), rs.getInt("unknown_repos"),
					HistorySql.integer(rs, "behind"), HistorySql.decimal(rs, "median_lag_releases"),
					HistorySql.integer(rs, "max_lag_releases"), HistorySql.decimal(rs, "median_lag_days"),
					HistorySql.longValue(rs, "max_lag_days")))
			.list();
	}
}
