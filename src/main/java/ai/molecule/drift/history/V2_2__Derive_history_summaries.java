package ai.molecule.drift.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Derives, for the runs recorded before V2_1, what the job now derives as it writes a run: each finished
 * run's summary ({@link RunSummary}) and each repository row's timeline ({@link RepoTimeline}), replaying
 * the runs of every org and forge in the order they were written.
 */
public class V2_2__Derive_history_summaries extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(context.getConnection(), true);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		RunSummary summary = new RunSummary(jdbc);
		Map<String, Map<String, RepoTimeline>> latest = new HashMap<>();
		List<Run> runs = jdbc.sql("select id, started_at, org, forge_type, status, ssot_version from drift_run order by id")
			.query((rs, i) -> new Run(rs.getLong("id"), HistorySql.instant(rs, "started_at"),
					rs.getString("org") + "\n" + rs.getString("forge_type"), !"running".equals(rs.getString("status")),
					rs.getString("ssot_version") != null))
			.list();
		for (Run run : runs) {
			Map<String, RepoTimeline> known = latest.computeIfAbsent(run.scope(), k -> new HashMap<>());
			Map<String, RepoTimeline> derived = new HashMap<>();
			jdbc.sql("""
					select r.name, r.pin, r.lag_releases, case when %s then 1 else 0 end as unreadable
					from drift_repo_result r where r.run_id = ?""".formatted(HistorySql.UNREADABLE))
				.param(run.id())
				.query(rs -> {
					derived.put(rs.getString("name"), RepoTimeline.next(known.get(rs.getString("name")),
							rs.getInt("unreadable") == 1, rs.getString("pin"), HistorySql.integer(rs, "lag_releases"),
							run.measured(), run.startedAt()));
				});
			List<Object[]> updates = new ArrayList<>();
			derived.forEach((name, t) -> updates.add(new Object[] { t.knownPin(), t.pinChanged(),
					RunStore.timestamp(t.pinSince()), RunStore.timestamp(t.behindSince()), run.id(), name }));
			template.batchUpdate("""
					update drift_repo_result set known_pin = ?, pin_changed = ?, pin_since = ?, behind_since = ?
					where run_id = ? and name = ?""", updates);
			// Only a complete run is "previous" to the next: a crashed one is never read.
			if (run.complete()) {
				known.putAll(derived);
				summary.summarize(run.id());
			}
		}
	}

	/** A run to replay. */
	private record Run(long id, Instant startedAt, String scope, boolean complete, boolean measured) {
	}
}
