package ai.molecule.drift.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.molecule.drift.model.ContractCheck;
import ai.molecule.drift.model.ContractState;
import ai.molecule.drift.model.RepoResult;

/**
 * The vendored-contract rows of a run: each repository's checked lock entries, and the required paths an
 * enumerated consumer does not lock (stored with the state {@value #NOT_ADOPTED}).
 */
final class RepoContractRows {

	static final String NOT_ADOPTED = "not-adopted";

	private static final int PATH = 1000;

	private static final int SHORT = 255;

	private static final int SHA = 64;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RepoContractRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(long runId, List<RepoResult> results) {
		List<Object[]> rows = new ArrayList<>();
		for (RepoResult r : results) {
			String name = RepoResultRows.name(r);
			int position = 0;
			for (ContractCheck c : r.contracts()) {
				rows.add(new Object[] { runId, name, position++, Column.text(c.path(), PATH), Column.text(c.source(), SHORT),
						Column.text(c.sourcePath(), PATH), Column.text(c.ref(), SHORT), Column.text(c.lockSha256(), SHA),
						c.vendoredSha256(), c.upstreamSha256(), c.state().id() });
			}
			for (String path : r.contractsNotAdopted()) {
				rows.add(new Object[] { runId, name, position++, Column.text(path, PATH), null, null, null, null, null,
						null, NOT_ADOPTED });
			}
		}
		template.batchUpdate("""
				insert into drift_repo_contract (run_id, repo_name, position, path, source, source_path, ref,
				lock_sha256, vendored_sha256, upstream_sha256, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** Each repository's rows by name, in the order written. */
	Map<String, Contracts> load(long runId) {
		Map<String, Contracts> byRepo = new LinkedHashMap<>();
		jdbc.sql("""
				select repo_name, path, source, source_path, ref, lock_sha256, vendored_sha256, upstream_sha256, state
				from drift_repo_contract where run_id = ? order by repo_name, position""")
			.param(runId)
			.query((rs) -> {
				Contracts contracts = byRepo.computeIfAbsent(rs.getString(1),
						(key) -> new Contracts(new ArrayList<>(), new ArrayList<>()));
				String state = rs.getString(9);
				if (NOT_ADOPTED.equals(state)) {
					contracts.notAdopted().add(rs.getString(2));
				}
				else {
					contracts.checks().add(new ContractCheck(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
							ContractState.fromId(state).orElseThrow()));
				}
			});
		return byRepo;
	}

	/** One repository's rows. */
	record Contracts(List<ContractCheck> checks, List<String> notAdopted) {

		static final Contracts NONE = new Contracts(List.of(), List.of());
	}
}
