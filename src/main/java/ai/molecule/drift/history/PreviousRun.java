package ai.molecule.drift.history;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one definition of "the previous run" that the changes of the report and of the tracking issue are
 * measured from: the latest earlier run of the same {@link HistoryScope} (the same job: org, forge type
 * and repository prefix) that passed or failed. An error run is skipped because it may have stopped half
 * way or listed the org partially, and a run still {@code running} crashed or was killed; comparing with
 * either would report repositories as removed or changed that were merely not read.
 */
final class PreviousRun {

	private PreviousRun() {
	}

	/** The id of the previous pass or fail run of {@code scope} before {@code runId}, if any. */
	static Optional<Long> before(JdbcClient jdbc, HistoryScope scope, long runId) {
		return jdbc.sql("""
				select max(d.id) from drift_run d
				where d.org = ? and d.forge_type = ? and d.repo_prefix = ? and d.status in ('pass', 'fail') and d.id < ?""")
			.params(scope.org(), scope.forgeType(), scope.repoPrefix(), runId)
			.query(Long.class)
			.optional();
	}
}
