package ai.molecule.drift.publish;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.model.RunReport;

/** The run an issue's "changes" are measured against: the latest earlier complete scan of the same org. */
final class PreviousRun {

	private final JdbcClient jdbc;

	private final RunStore store;

	PreviousRun(JdbcClient jdbc, RunStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** Runs that passed or failed scanned everything; an error run may have stopped half way. */
	Optional<RunReport> before(RunReport run) {
		if (run.forge() == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select max(id) from drift_run
				where id < ? and status in ('pass', 'fail') and lower(org) = lower(?) and repo_prefix = ?""")
			.params(run.runId(), run.forge().org(), run.forge().repoPrefix())
			.query(Long.class)
			.optional()
			.map(store::load);
	}
}
