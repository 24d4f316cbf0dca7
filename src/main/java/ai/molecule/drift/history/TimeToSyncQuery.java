package ai.molecule.drift.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.lag.Version;

/**
 * {@code history time-to-sync}: for each release that was the SSOT of a run (or one given release), how
 * long each consumer enumerated in the latest measured run took to pin it or a later one.
 */
final class TimeToSyncQuery {

	// Only the rows where a consumer's pin changed (derived when each run was written, see RepoTimeline):
	// a year of nightly runs shrinks to a handful of rows per consumer, read through an index.
	private static final String PIN_CHANGES = """
			select r.name, r.run_id, d.started_at, r.known_pin
			from drift_repo_result c
			join drift_repo_result r on r.name = c.name and r.pin_changed = true
			join drift_run d on d.id = r.run_id
			where c.run_id = ? and c.classification = 'enumerated' and %s
			order by r.name, d.started_at""".formatted(HistorySql.IN_SCOPE);

	private final JdbcClient jdbc;

	TimeToSyncQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param release one release, or {@code null} for every release that was an SSOT
	 * @return newest release first; empty when there is no measured run, or the release is unknown to the history
	 */
	List<ReleaseSync> releases(HistoryScope scope, Version release) {
		List<SyncLatency.Run> runs = runs(scope);
		Optional<Long> current = CurrentRun.find(jdbc, scope);
		if (runs.isEmpty() || current.isEmpty()) {
			return List.of();
		}
		List<Published> releases = release == null ? ssotReleases(scope) : known(scope, release).stream().toList();
		Map<String, List<SyncLatency.PinChange>> changes = pinChanges(scope, current.get());
		Map<String, List<SyncLatency.Proposed>> proposals = proposals(scope);
		SyncLatency latency = new SyncLatency(runs);
		return releases.stream()
			.sorted(Comparator.comparing(Published::version).reversed())
			.map(p -> latency.of(p.version(), p.publishedAt() == null ? p.firstSeen() : p.publishedAt(),
					p.publishedAt() != null, changes, proposals))
			.toList();
	}

	/** Each consumer's bump proposals that were made (not dry runs, not failures), by target. */
	private Map<String, List<SyncLatency.Proposed>> proposals(HistoryScope scope) {
		Map<String, List<SyncLatency.Proposed>> proposals = new LinkedHashMap<>();
		jdbc.sql("""
				select p.repo_name, p.target, min(p.opened_at) as opened_at
				from drift_proposal p join drift_run d on d.id = p.run_id
				where %s and p.opened_at is not null group by p.repo_name, p.target""".formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix())
			.query(rs -> {
				Optional<Version> target = Version.parse(rs.getString("target"));
				if (target.isPresent()) {
					proposals.computeIfAbsent(rs.getString("repo_name"), k -> new ArrayList<>())
						.add(new SyncLatency.Proposed(target.get(), HistorySql.instant(rs, "opened_at")));
				}
			});
		return proposals;
	}

	private List<SyncLatency.Run> runs(HistoryScope scope) {
		return jdbc.sql("select d.id, d.started_at from drift_run d where %s order by d.started_at, d.id"
			.formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix())
			.query((rs, i) -> new SyncLatency.Run(rs.getLong(1), HistorySql.instant(rs, "started_at")))
			.list();
	}

	private List<Published> ssotReleases(HistoryScope scope) {
		return jdbc.sql("""
				select d.ssot_version, max(d.ssot_published_at) as published_at, min(d.started_at) as first_seen
				from drift_run d where %s and d.ssot_version is not null group by d.ssot_version"""
			.formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix())
			.query((rs, i) -> new Published(Version.parse(rs.getString(1)).orElseThrow(),
					HistorySql.instant(rs, "published_at"), HistorySql.instant(rs, "first_seen")))
			.list();
	}

	private Optional<Published> known(HistoryScope scope, Version release) {
		return jdbc.sql("""
				select max(rr.published_at) as published_at, min(d.started_at) as first_seen
				from drift_run_release rr join drift_run d on d.id = rr.run_id where %s and rr.version = ?"""
			.formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix(), release.toString())
			.query((rs, i) -> rs.getObject("first_seen") == null ? null
					: new Published(release, HistorySql.instant(rs, "published_at"), HistorySql.instant(rs, "first_seen")))
			.optional();
	}

	private Map<String, List<SyncLatency.PinChange>> pinChanges(HistoryScope scope, long currentRunId) {
		Map<String, List<SyncLatency.PinChange>> changes = new LinkedHashMap<>();
		jdbc.sql(PIN_CHANGES).params(currentRunId, scope.org(), scope.forgeType(), scope.repoPrefix()).query(rs -> {
			changes.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>())
				.add(SyncLatency.PinChange.of(rs.getLong("run_id"), HistorySql.instant(rs, "started_at"),
						rs.getString("known_pin")));
		});
		// Every consumer counts, even one never read (pending); and its latest pin is known since pin_since
		// even when retention has pruned the run that first saw it.
		jdbc.sql("""
				select name, known_pin, pin_since from drift_repo_result
				where run_id = ? and classification = 'enumerated' order by name""")
			.param(currentRunId)
			.query(rs -> {
				List<SyncLatency.PinChange> pins = changes.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>());
				Instant since = HistorySql.instant(rs, "pin_since");
				if (since != null && pins.stream().noneMatch(p -> p.startedAt().equals(since))) {
					pins.add(SyncLatency.PinChange.of(null, since, rs.getString("known_pin")));
					pins.sort(Comparator.comparing(SyncLatency.PinChange::startedAt));
				}
			});
		return changes;
	}

	/** A release and when it was published (or first seen, when the publication is unknown). */
	private record Published(Version version, Instant publishedAt, Instant firstSeen) {
	}
}
