package ai.molecule.drift.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.Severity;

/** The repository-result and finding rows of a run, written in batches. */
final class RepoResultRows {

	private static final Logger log = LoggerFactory.getLogger(RepoResultRows.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PreviousTimelines timelines;

	private final RepoContractRows contracts;

	RepoResultRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.timelines = new PreviousTimelines(jdbc);
		this.contracts = new RepoContractRows(jdbc, template);
	}

	void insert(long runId, List<RepoResult> results) {
		results.stream()
			.filter((r) -> !name(r).equals(r.name()))
			.forEach((r) -> log.warn("Repository name of {} characters is longer than the history allows; stored as {}",
					r.name().length(), name(r)));
		PreviousTimelines.Run run = timelines.run(runId);
		Map<String, RepoTimeline> previous = timelines.of(run, results.stream().map(RepoResultRows::name).toList());
		template.batchUpdate("""
				insert into drift_repo_result (run_id, name, classification, archived, pin, lag_releases, lag_days, lag_level,
				known_pin, pin_changed, pin_since, behind_since)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", results, results.size(), (ps, r) -> {
			Integer lagReleases = r.lag() == null ? null : r.lag().releases();
			String pin = Column.text(r.pin(), Column.PIN);
			RepoTimeline timeline = RepoTimeline.next(previous.get(name(r)), r.unreadable(), pin, lagReleases,
					run.ssotResolved(), run.startedAt());
			ps.setLong(1, runId);
			ps.setString(2, name(r));
			ps.setString(3, r.classification().id());
			ps.setBoolean(4, r.archived());
			ps.setString(5, pin);
			ps.setObject(6, lagReleases, java.sql.Types.INTEGER);
			ps.setObject(7, r.lag() == null ? null : r.lag().days(), java.sql.Types.BIGINT);
			ps.setString(8, r.lag() == null ? null : r.lag().level().id());
			ps.setString(9, timeline.knownPin());
			ps.setBoolean(10, timeline.pinChanged());
			ps.setObject(11, RunStore.timestamp(timeline.pinSince()));
			ps.setObject(12, RunStore.timestamp(timeline.behindSince()));
		});
		List<Object[]> findings = new ArrayList<>();
		for (RepoResult r : results) {
			for (int i = 0; i < r.findings().size(); i++) {
				Finding f = r.findings().get(i);
				findings.add(new Object[] { runId, name(r), i, f.code().id(), f.severity().id(),
						RunStore.truncate(f.message()) });
			}
		}
		template.batchUpdate("""
				insert into drift_finding (run_id, repo_name, position, code, severity, message)
				values (?, ?, ?, ?, ?, ?)""", findings);
		contracts.insert(runId, results);
	}

	/**
	 * The name as stored: a name longer than the column keeps its start, {@code …} and a hash, and the
	 * reports show it that way; the other repositories of the run are stored as usual.
	 */
	static String name(RepoResult result) {
		return Column.key(result.name(), Column.NAME);
	}

	List<RepoResult> load(long runId) {
		Map<String, List<Finding>> findings = new LinkedHashMap<>();
		jdbc.sql("select repo_name, code, severity, message from drift_finding where run_id = ? order by repo_name, position")
			.param(runId)
			.query(rs -> {
				findings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new Finding(FindingCode.fromId(rs.getString(2)).orElseThrow(),
							Severity.fromId(rs.getString(3)), rs.getString(4)));
			});
		Map<String, RepoContractRows.Contracts> contractRows = contracts.load(runId);
		return jdbc.sql("""
				select name, classification, archived, pin, lag_releases, lag_days, lag_level
				from drift_repo_result where run_id = ? order by name""")
			.param(runId)
			.query((rs, i) -> {
				String level = rs.getString(7);
				Lag lag = level == null ? null
						: new Lag(rs.getInt(5), rs.getObject(6) == null ? null : rs.getLong(6), LagLevel.fromId(level));
				String name = rs.getString(1);
				RepoContractRows.Contracts repoContracts = contractRows.getOrDefault(name, RepoContractRows.Contracts.NONE);
				return new RepoResult(name, Classification.fromId(rs.getString(2)), rs.getBoolean(3), rs.getString(4),
						lag, findings.getOrDefault(name, List.of()), repoContracts.checks(), repoContracts.notAdopted());
			})
			.list();
	}
}
