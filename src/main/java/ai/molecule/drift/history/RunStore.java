package ai.molecule.drift.history;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;

/** Persists runs, their SSOT and releases, repository results and findings; reads a run back. */
@Repository
public class RunStore {

	private static final int MESSAGE_LIMIT = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final RepoResultRows repoRows;

	private final RunSummary summary;

	private final ProposalRows proposals;

	public RunStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.repoRows = new RepoResultRows(jdbc, template);
		this.summary = new RunSummary(jdbc);
		this.proposals = new ProposalRows(jdbc);
	}

	/** Records the bump proposed for a scanned repository of the run. */
	@Transactional
	public void saveProposal(long runId, String repo, Proposal proposal) {
		proposals.insert(runId, repo, proposal);
	}

	/** The repository's latest staged proposal of an earlier run: the stages done count from it. */
	public Optional<Proposal> lastStagedProposal(long runId, String repo) {
		return proposals.lastStaged(runId, repo);
	}

	/** Records a new run as {@code running}; returns its id. */
	@Transactional
	public long start(ForgeInfo forge, Instant startedAt, long jobExecutionId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into drift_run (started_at, status, job_execution_id, forge_type, forge_base_url, org, repo_prefix)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(timestamp(startedAt), RunStatus.RUNNING.id(), jobExecutionId, forge.type(), forge.baseUrl(),
					forge.org(), forge.repoPrefix())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	@Transactional
	public void recordReleases(long runId, ReleaseLine line) {
		Ssot ssot = line.ssot();
		jdbc.sql("""
				update drift_run set ssot_version = ?, ssot_source = ?, ssot_tag = ?, ssot_published_at = ?,
				ssot_problem = ? where id = ?""")
			.params(ssot.resolved() ? ssot.version().toString() : null,
					ssot.source() == null ? null : ssot.source().id(), Column.text(ssot.tag(), Column.TAG),
					timestamp(ssot.publishedAt()),
					truncate(ssot.problem()), runId)
			.update();
		template.batchUpdate("insert into drift_run_release (run_id, version, tag, published_at) values (?, ?, ?, ?)",
				line.releases(), 500, (ps, release) -> {
					ps.setLong(1, runId);
					ps.setString(2, release.version().toString());
					ps.setString(3, Column.text(release.tag(), Column.TAG));
					ps.setObject(4, timestamp(release.publishedAt()));
				});
	}

	/** The release line recorded for a run (what the scan step measures against). */
	public ReleaseLine releases(long runId) {
		Ssot ssot = ssot(runId);
		if (!ssot.resolved()) {
			return ReleaseLine.unresolved(ssot.problem());
		}
		if (ssot.source() == SsotSource.FALLBACK_FILE) {
			return ReleaseLine.ofFallback(ssot.version(), ssot.problem());
		}
		List<Release> releases = jdbc.sql("select version, tag, published_at from drift_run_release where run_id = ?")
			.param(runId)
			.query((rs, i) -> new Release(Version.parse(rs.getString(1)).orElseThrow(), rs.getString(2),
					instant(rs.getObject(3, OffsetDateTime.class))))
			.list();
		return ReleaseLine.ofReleases(releases);
	}

	@Transactional
	public void saveResults(long runId, List<RepoResult> results) {
		repoRows.insert(runId, results);
	}

	/** Marks the run complete with its status and reasons; only now does it count as a finished run. */
	@Transactional
	public void finish(long runId, RunStatus status, List<String> reasons, Instant finishedAt) {
		jdbc.sql("delete from drift_run_reason where run_id = ?").param(runId).update();
		for (int i = 0; i < reasons.size(); i++) {
			jdbc.sql("insert into drift_run_reason (run_id, position, message) values (?, ?, ?)")
				.params(runId, i, truncate(reasons.get(i)))
				.update();
		}
		jdbc.sql("update drift_run set status = ?, finished_at = ? where id = ?")
			.params(status.id(), timestamp(finishedAt), runId)
			.update();
		summary.summarize(runId);
	}

	/**
	 * Finishes the run in a transaction of its own, committed when this returns, and hands the finished
	 * run to {@code beforeCommit} inside it: reports staged there are published by the caller only once
	 * the outcome is committed, and a failure of either (staging or commit) leaves the run unfinished.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, rollbackFor = Exception.class)
	public <T> T finish(long runId, RunStatus status, List<String> reasons, Instant finishedAt,
			BeforeCommit<T> beforeCommit) throws IOException {
		finish(runId, status, reasons, finishedAt);
		return beforeCommit.prepare(load(runId));
	}

	/** Work on a finished run that must succeed for its outcome to be committed. */
	@FunctionalInterface
	public interface BeforeCommit<T> {

		T prepare(RunReport finished) throws IOException;
	}

	/** Everything the reports show for one run. */
	public RunReport load(long runId) {
		Map<String, Object> run = jdbc.sql("select * from drift_run where id = ?").param(runId).query().singleRow();
		List<String> reasons = jdbc.sql("select message from drift_run_reason where run_id = ? order by position")
			.param(runId)
			.query(String.class)
			.list();
		ForgeInfo forge = new ForgeInfo((String) run.get("FORGE_TYPE"), (String) run.get("FORGE_BASE_URL"),
				(String) run.get("ORG"), (String) run.get("REPO_PREFIX"));
		return new RunReport(runId, instant(run.get("STARTED_AT")), instant(run.get("FINISHED_AT")),
				RunStatus.fromId((String) run.get("STATUS")), reasons, forge, ssot(runId), repoRows.load(runId),
				proposals.load(runId));
	}

	public Optional<RunStatus> status(long runId) {
		return jdbc.sql("select status from drift_run where id = ?")
			.param(runId)
			.query(String.class)
			.optional()
			.map(RunStatus::fromId);
	}

	private Ssot ssot(long runId) {
		return jdbc.sql("""
				select ssot_version, ssot_source, ssot_tag, ssot_published_at, ssot_problem from drift_run where id = ?""")
			.param(runId)
			.query((rs, i) -> new Ssot(Version.parse(rs.getString(1)).orElse(null),
					rs.getString(2) == null ? null : SsotSource.fromId(rs.getString(2)), rs.getString(3),
					instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5)))
			.single();
	}

	static String truncate(String message) {
		if (message == null || message.length() <= MESSAGE_LIMIT) {
			return message;
		}
		return message.substring(0, MESSAGE_LIMIT - 1) + "…";
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
	}

	static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof OffsetDateTime odt) {
			return odt.toInstant();
		}
		if (value instanceof Timestamp ts) {
			return ts.toInstant();
		}
		if (value instanceof java.time.ZonedDateTime zdt) {
			return zdt.toInstant();
		}
		throw new IllegalStateException("unexpected timestamp type " + value.getClass());
	}
}
