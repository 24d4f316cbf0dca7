package ai.molecule.drift.history;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.ProposalState;

/** The bump proposals of runs: written after the scan, read back for the reports and the next night. */
final class ProposalRows {

	private final JdbcClient jdbc;

	ProposalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long runId, String repo, Proposal proposal) {
		jdbc.sql("""
				insert into drift_proposal (run_id, repo_name, target, stage, stages, branch, number, url, state, opened_at,
				reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(runId, Column.key(repo, Column.NAME), proposal.target(), proposal.stage(), proposal.stages(),
					Column.text(proposal.branch(), Column.TAG), proposal.number(), Column.text(proposal.url(), 1000),
					proposal.state().id(), RunStore.timestamp(proposal.openedAt()), RunStore.truncate(proposal.reason()))
			.update();
	}

	/** Each repository's proposal in the run, by stored name. */
	Map<String, Proposal> load(long runId) {
		Map<String, Proposal> proposals = new LinkedHashMap<>();
		jdbc.sql("""
				select repo_name, target, stage, stages, branch, number, url, state, opened_at, reason
				from drift_proposal where run_id = ? order by repo_name""")
			.param(runId)
			.query((rs) -> {
				OffsetDateTime opened = rs.getObject(9, OffsetDateTime.class);
				proposals.put(rs.getString(1), new Proposal(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
						(Integer) rs.getObject(6), rs.getString(7), ProposalState.fromId(rs.getString(8)),
						(opened == null) ? null : opened.toInstant(), rs.getString(10)));
			});
		return proposals;
	}

	/** The repository's latest staged proposal before {@code runId}, whatever became of it. */
	Optional<Proposal> lastStaged(long runId, String repo) {
		List<Proposal> found = jdbc.sql("""
				select target, stage, stages, branch, number, url, state, opened_at, reason from drift_proposal
				where repo_name = ? and run_id < ? and stages > 1 and state <> 'dry-run' and state <> 'failed'
				order by run_id desc""")
			.params(Column.key(repo, Column.NAME), runId)
			.query((rs, i) -> new Proposal(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getString(6), ProposalState.fromId(rs.getString(7)), null,
					rs.getString(9)))
			.list();
		return found.stream().findFirst();
	}
}
