package ai.molecule.drift.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** SQL shared by the history queries: what a complete run is, and portable column reading. */
final class HistorySql {

	/**
	 * Runs whose report step closed them. A run still {@code running} crashed or was killed (or is in
	 * progress): it is never read as complete.
	 */
	static final String COMPLETE = "d.status in ('pass', 'fail', 'error')";

	/**
	 * The complete runs of one history ({@link HistoryScope}), as alias {@code d}; three parameters: org,
	 * forge type, repository prefix.
	 */
	static final String IN_SCOPE = "d.org = ? and d.forge_type = ? and d.repo_prefix = ? and " + COMPLETE;

	/** A repository row ({@code r}) whose repository could not be read in that run. */
	static final String UNREADABLE = """
			exists (select 1 from drift_finding f
			where f.run_id = r.run_id and f.repo_name = r.name and f.code = 'unreadable')""";

	/** Before any run: "since the beginning". */
	static final Instant EPOCH = Instant.EPOCH;

	private HistorySql() {
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static Long longValue(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Double decimal(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime timestamp(Instant instant) {
		return RunStore.timestamp(instant);
	}
}
