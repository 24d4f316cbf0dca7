package ai.molecule.drift.history;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sums a finished run up on its {@code drift_run} row: repositories per classification, how many are
 * behind, median and maximum lag. Lag figures stay {@code null} for a run without an SSOT, since nothing
 * was measured ("0 behind" would read as all clear).
 */
final class RunSummary {

	// percentile_cont ... within group is standard SQL that both H2 and PostgreSQL aggregate.
	private static final String FIGURES = """
			select count(r.name) as repos,
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
			from drift_repo_result r where r.run_id = ?""";

	private final JdbcClient jdbc;

	RunSummary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void summarize(long runId) {
		boolean measured = jdbc.sql("select ssot_version from drift_run where id = ?")
			.param(runId)
			.query(String.class)
			.optional()
			.isPresent();
		Object[] figures = jdbc.sql(FIGURES).param(runId).query((rs, i) -> new Object[] { rs.getInt("repos"),
				rs.getInt("enumerated"), rs.getInt("exempt"), rs.getInt("unlisted_pinned"), rs.getInt("clean"),
				rs.getInt("unknown_repos"), measured ? rs.getInt("behind") : null,
				measured ? HistorySql.decimal(rs, "median_releases") : null,
				measured ? HistorySql.integer(rs, "max_releases") : null,
				measured ? HistorySql.decimal(rs, "median_days") : null,
				measured ? HistorySql.longValue(rs, "max_days") : null, runId })
			.single();
		jdbc.sql("""
				update drift_run set repos = ?, enumerated = ?, exempt = ?, unlisted_pinned = ?, clean = ?,
				unknown_repos = ?, behind = ?, median_lag_releases = ?, max_lag_releases = ?, median_lag_days = ?,
				max_lag_days = ? where id = ?""")
			.params(figures)
			.update();
	}
}
