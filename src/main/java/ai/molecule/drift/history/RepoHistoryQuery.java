package ai.molecule.drift.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code history repo NAME}: one row per complete run for one repository, from its first appearance on;
 * a run that ended in error before scanning it says so instead of leaving a silent gap.
 */
final class RepoHistoryQuery {

	private final JdbcClient jdbc;

	RepoHistoryQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RepoRun> rows(HistoryScope scope, String repo, Instant since) {
		// A name too long for its column is stored shortened: asking by the full name still finds it.
		String stored = Column.key(repo, Column.NAME);
		String name = canonicalName(scope, stored).orElse(stored);
		Map<Long, List<String>> findings = perRun(scope, name, since, """
				select f.run_id, f.code from drift_run d join drift_finding f on f.run_id = d.id and f.repo_name = ?
				where %s and d.started_at >= ?
				order by f.run_id, f.position""");
		Map<Long, List<String>> contracts = perRun(scope, name, since, """
				select c.run_id, coalesce(c.path, '?') || '=' || c.state from drift_run d
				join drift_repo_contract c on c.run_id = d.id and c.repo_name = ?
				where %s and d.started_at >= ?
				order by c.run_id, c.position""");
		List<RepoRun> rows = jdbc.sql("""
				select d.id, d.started_at, d.status, d.ssot_version, r.name, r.classification, r.archived, r.pin,
				r.lag_releases, r.lag_days, r.lag_level
				from drift_run d left join drift_repo_result r on r.run_id = d.id and r.name = ?
				where %s and d.started_at >= ?
				order by d.started_at, d.id""".formatted(HistorySql.IN_SCOPE))
			.params(name, scope.org(), scope.forgeType(), scope.repoPrefix(), HistorySql.timestamp(since))
			.query((rs, i) -> {
				long runId = rs.getLong("id");
				String status = rs.getString("status");
				String ssot = rs.getString("ssot_version");
				if (rs.getString("name") == null) {
					// Absent from a complete pass or fail run: not in the org then. Absent from an error run: unknown.
					return "error".equals(status) ? new RepoRun(runId, HistorySql.instant(rs, "started_at"), status,
							ssot, null, null, null, null, null, null, RepoState.NOT_SCANNED.id(), List.of(), List.of()) : null;
				}
				List<String> codes = findings.getOrDefault(runId, List.of());
				Integer releases = HistorySql.integer(rs, "lag_releases");
				String level = rs.getString("lag_level");
				String pin = rs.getString("pin");
				RepoState state = RepoState.of(codes.contains("unreadable"), pin, releases, level, ssot != null);
				return new RepoRun(runId, HistorySql.instant(rs, "started_at"), status, ssot,
						rs.getString("classification"), rs.getBoolean("archived"), pin, releases,
						HistorySql.longValue(rs, "lag_days"), level, state.id(), codes,
						contracts.getOrDefault(runId, List.of()));
			})
			.list();
		return trim(rows);
	}

	/** Repository names are compared ignoring case, as the forges do; the exact name is tried first. */
	private Optional<String> canonicalName(HistoryScope scope, String repo) {
		boolean exact = jdbc.sql("select count(*) from drift_repo_result where name = ?")
			.param(repo)
			.query(Long.class)
			.single() > 0;
		if (exact) {
			return Optional.of(repo);
		}
		return jdbc.sql("""
				select r.name from drift_repo_result r join drift_run d on d.id = r.run_id
				where lower(r.name) = lower(?) and %s order by d.id desc""".formatted(HistorySql.IN_SCOPE))
			.params(repo, scope.org(), scope.forgeType(), scope.repoPrefix())
			.query(String.class)
			.stream()
			.findFirst();
	}

	/** A query's second column per run, in order; {@code sql} selects a run id and a text for the repository. */
	private Map<Long, List<String>> perRun(HistoryScope scope, String name, Instant since, String sql) {
		Map<Long, List<String>> values = new LinkedHashMap<>();
		jdbc.sql(sql.formatted(HistorySql.IN_SCOPE))
			.params(name, scope.org(), scope.forgeType(), scope.repoPrefix(), HistorySql.timestamp(since))
			.query(rs -> {
				values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		return values;
	}

	/** Drops the runs before the repository first appeared: "not scanned" only means something after. */
	private static List<RepoRun> trim(List<RepoRun> rows) {
		List<RepoRun> present = rows.stream().filter(Objects::nonNull).toList();
		int first = 0;
		while (first < present.size() && present.get(first).classification() == null) {
			first++;
		}
		return first == present.size() ? List.of() : present.subList(first, present.size());
	}
}
