package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the runs of one history that started before a cut-off, with their repository rows, findings,
 * releases and reasons, and the Spring Batch executions that ran them, all in one transaction.
 */
@Component
class RunPruner {

	// The runs to prune, as a sub-select: parameters org, forge type, repository prefix, cut-off, run to keep.
	private static final String OLD_RUNS = """
			select d.job_execution_id from drift_run d
			where d.org = ? and d.forge_type = ? and d.repo_prefix = ? and d.started_at < ? and d.id <> ?
			and d.job_execution_id is not null""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RunPruner(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * @param keepRunId never pruned, whatever its date (the run doing the pruning)
	 * @return how many runs were removed
	 */
	@Transactional
	public int prune(HistoryScope scope, Instant before, long keepRunId) {
		Object[] params = { scope.org(), scope.forgeType(), scope.repoPrefix(), HistorySql.timestamp(before), keepRunId };
		// Instances are matched by id, never "any instance without executions": another CronJob sharing the
		// database may have just created one and not yet its execution.
		List<Long> instances = template.queryForList("""
				select distinct e.JOB_INSTANCE_ID from BATCH_JOB_EXECUTION e where e.JOB_EXECUTION_ID in (%s)"""
			.formatted(OLD_RUNS), Long.class, params);
		template.update("""
				delete from BATCH_STEP_EXECUTION_CONTEXT where STEP_EXECUTION_ID in (
				select s.STEP_EXECUTION_ID from BATCH_STEP_EXECUTION s where s.JOB_EXECUTION_ID in (%s))"""
			.formatted(OLD_RUNS), params);
		for (String table : List.of("BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS",
				"BATCH_JOB_EXECUTION")) {
			template.update("delete from %s where JOB_EXECUTION_ID in (%s)".formatted(table, OLD_RUNS), params);
		}
		template.batchUpdate("""
				delete from BATCH_JOB_INSTANCE where JOB_INSTANCE_ID = ?
				and not exists (select 1 from BATCH_JOB_EXECUTION e where e.JOB_INSTANCE_ID = ?)""",
				instances.stream().map(id -> new Object[] { id, id }).toList());
		// Repository rows, findings, releases and reasons go with their run (on delete cascade).
		return jdbc.sql("""
				delete from drift_run where org = ? and forge_type = ? and repo_prefix = ? and started_at < ? and id <> ?""")
			.params(params)
			.update();
	}
}
