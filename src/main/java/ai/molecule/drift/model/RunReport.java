package ai.molecule.drift.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.molecule.drift.lag.Ssot;

/**
 * One run as persisted: everything the reports show, and nothing they must compute.
 *
 * @param runId the run's id in the history database
 * @param startedAt when the run started
 * @param finishedAt when the run finished
 * @param status pass, fail or error
 * @param reasons why the run failed or errored, one sentence each (empty for a pass)
 * @param forge where the scan looked
 * @param ssot the SSOT (or why it is unresolved)
 * @param repos every scanned repository, sorted by name
 * @param proposals the bump proposed for a repository this run, by name
 */
public record RunReport(long runId, Instant startedAt, Instant finishedAt, RunStatus status, List<String> reasons,
		ForgeInfo forge, Ssot ssot, List<RepoResult> repos, Map<String, Proposal> proposals) {

	public RunReport {
		reasons = List.copyOf(reasons);
		repos = repos.stream().sorted(Comparator.comparing(RepoResult::name)).toList();
		proposals = Map.copyOf(proposals);
	}

	/** A run without bump proposals. */
	public RunReport(long runId, Instant startedAt, Instant finishedAt, RunStatus status, List<String> reasons,
			ForgeInfo forge, Ssot ssot, List<RepoResult> repos) {
		this(runId, startedAt, finishedAt, status, reasons, forge, ssot, repos, Map.of());
	}

	/** The bump proposed for the repository this run, if any. */
	public Optional<Proposal> proposal(String repo) {
		return Optional.ofNullable(proposals.get(repo));
	}

	public int exitCode() {
		return status.exitCode();
	}

	/** Repositories per classification; every classification present, zero included. */
	public Map<Classification, Integer> counts() {
		Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
		for (Classification c : Classification.values()) {
			counts.put(c, 0);
		}
		repos.forEach(r -> counts.merge(r.classification(), 1, Integer::sum));
		return counts;
	}

	/** Each upstream file that repositories vendor, with how their snapshots stand. */
	public List<ContractSummary> contracts() {
		return ContractSummary.of(repos);
	}

	/** Repositories whose pin is behind the SSOT. */
	public List<RepoResult> behind() {
		return repos.stream().filter(r -> r.lag() != null && r.lag().releases() > 0).toList();
	}

	/**
	 * Where the scan looked.
	 *
	 * @param type forge type id ({@code gitea}, {@code github}, {@code local})
	 * @param baseUrl server root, or the folder for the local forge
	 * @param org organisation
	 * @param repoPrefix repository name prefix
	 */
	public record ForgeInfo(String type, String baseUrl, String org, String repoPrefix) {
	}
}
