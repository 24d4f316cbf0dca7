package ai.molecule.drift.metrics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.model.RunStatus;

/**
 * When the last run of an organisation that completed its scan ended, read from the history, so
 * that every push carries it even after failed pushes or a Pushgateway restart.
 * <p>
 * A {@code fail} run counts: the job worked and found a policy violation (which has its own
 * series); only an {@code error} run, or none at all, means the job is not doing its work.
 */
class LastSuccess {

	private final JdbcClient jdbc;

	LastSuccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> of(String org) {
		return jdbc.sql("select max(finished_at) from drift_run where org = ? and status in (?, ?)")
			.params(org, RunStatus.PASS.id(), RunStatus.FAIL.id())
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single()
			.map(OffsetDateTime::toInstant);
	}
}
