package ai.molecule.drift.history;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The run whose state counts as "now" for time-to-sync and worst: the latest complete run that measured
 * lag (its SSOT was resolved), even if it ended in error because a repository could not be read.
 */
final class CurrentRun {

	private CurrentRun() {
	}

	static Optional<Long> find(JdbcClient jdbc, HistoryScope scope) {
		return jdbc.sql("select max(d.id) from drift_run d where %s and d.ssot_version is not null"
			.formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix())
			.query(Long.class)
			.optional();
	}
}
