package ai.molecule.drift.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds, for the repositories of a run being written, their rows in the previous complete run of the
 * same {@link HistoryScope} that has one: the previous run for nearly all of them, a look further back
 * for a repository that was missing from it. A run left running (crashed) is never taken as previous;
 * unlike {@link PreviousRun}, an error run is, since its rows carry the last known pins forward.
 */
final class PreviousTimelines {

	private static final String COLUMNS = "r.known_pin, r.pin_changed, r.pin_since, r.behind_since";

	private final JdbcClient jdbc;

	PreviousTimelines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The run a row is written for.
	 *
	 * @param id the run
	 * @param startedAt when it started
	 * @param scope the history it belongs to
	 * @param ssotResolved whether it measured lag
	 */
	record Run(long id, Instant startedAt, HistoryScope scope, boolean ssotResolved) {
	}

	Run run(long runId) {
		return jdbc.sql("""
				select d.id, d.started_at, d.org, d.forge_type, d.repo_prefix, d.ssot_version from drift_run d
				where d.id = ?""")
			.param(runId)
			.query((rs, i) -> new Run(rs.getLong("id"), HistorySql.instant(rs, "started_at"),
					new HistoryScope(rs.getString("org"), rs.getString("forge_type"), rs.getString("repo_prefix")),
					rs.getString("ssot_version") != null))
			.single();
	}

	/** By repository name; a repository never seen before is absent. */
	Map<String, RepoTimeline> of(Run run, Collection<String> names) {
		Map<String, RepoTimeline> previous = new HashMap<>();
		jdbc.sql("select max(d.id) from drift_run d where %s and d.id < ?".formatted(HistorySql.IN_SCOPE))
			.params(run.scope().org(), run.scope().forgeType(), run.scope().repoPrefix(), run.id())
			.query(Long.class)
			.optional()
			.ifPresent(previousRun -> jdbc.sql("select r.name, %s from drift_repo_result r where r.run_id = ?"
				.formatted(COLUMNS))
				.param(previousRun)
				.query(rs -> {
					previous.put(rs.getString("name"), timeline(rs));
				}));
		for (String name : names) {
			if (!previous.containsKey(name)) {
				lookBack(run, name).ifPresent(timeline -> previous.put(name, timeline));
			}
		}
		return previous;
	}

	private Optional<RepoTimeline> lookBack(Run run, String name) {
		return jdbc.sql("""
				select %s from drift_repo_result r join drift_run d on d.id = r.run_id
				where r.name = ? and %s and r.run_id < ? order by r.run_id desc fetch first 1 rows only"""
			.formatted(COLUMNS, HistorySql.IN_SCOPE))
			.params(name, run.scope().org(), run.scope().forgeType(), run.scope().repoPrefix(), run.id())
			.query((rs, i) -> timeline(rs))
			.optional();
	}

	private static RepoTimeline timeline(ResultSet rs) throws SQLException {
		return new RepoTimeline(rs.getString("known_pin"), rs.getBoolean("pin_changed"),
				HistorySql.instant(rs, "pin_since"), HistorySql.instant(rs, "behind_since"));
	}
}
