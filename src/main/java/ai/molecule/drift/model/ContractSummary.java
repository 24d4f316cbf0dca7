package ai.molecule.drift.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One upstream file across the organisation: who vendors it and how their snapshots stand.
 *
 * @param source the upstream repository
 * @param sourcePath the file's path there
 * @param ref {@code null} for the default branch
 * @param upstreamSha256 {@code null} when the file is missing upstream
 * @param adopters repositories that lock it
 * @param inSync adopters in sync
 * @param drifted adopters whose snapshot is stale
 * @param lockMismatch adopters whose vendored copy does not match their lock
 * @param notAdopted enumerated consumers that the policy requires to vendor it and that do not, by name
 */
public record ContractSummary(String source, String sourcePath, String ref, String upstreamSha256, int adopters,
		int inSync, int drifted, int lockMismatch, List<String> notAdopted) {

	public ContractSummary {
		notAdopted = List.copyOf(notAdopted);
	}

	/**
	 * The summaries of a run, ordered by source and path; invalid lock entries are left out. A consumer that does not lock a required path is
	 * counted against every upstream file that other repositories vendor at that path.
	 */
	public static List<ContractSummary> of(List<RepoResult> repos) {
		Map<ContractCheck.Upstream, List<ContractCheck>> byUpstream = new LinkedHashMap<>();
		Map<ContractCheck.Upstream, Set<String>> paths = new LinkedHashMap<>();
		for (RepoResult repo : repos) {
			for (ContractCheck check : repo.contracts()) {
				// An invalid entry names no upstream worth counting: its source may be anything at all.
				if (check.state() == ContractState.INVALID) {
					continue;
				}
				byUpstream.computeIfAbsent(check.upstream(), (key) -> new ArrayList<>()).add(check);
				paths.computeIfAbsent(check.upstream(), (key) -> new TreeSet<>()).add(check.path());
			}
		}
		List<ContractSummary> summaries = new ArrayList<>();
		byUpstream.forEach((upstream, checks) -> {
			List<String> notAdopted = repos.stream()
				.filter((repo) -> repo.contractsNotAdopted().stream().anyMatch(paths.get(upstream)::contains))
				.map(RepoResult::name)
				.sorted()
				.toList();
			String sha = checks.stream().map(ContractCheck::upstreamSha256).filter(Objects::nonNull).findFirst().orElse(null);
			summaries.add(new ContractSummary(upstream.source(), upstream.sourcePath(), upstream.ref(), sha, checks.size(),
					count(checks, ContractState.IN_SYNC), count(checks, ContractState.DRIFT),
					count(checks, ContractState.LOCK_MISMATCH), notAdopted));
		});
		summaries.sort(Comparator.comparing(ContractSummary::source)
			.thenComparing(ContractSummary::sourcePath)
			.thenComparing(ContractSummary::ref, Comparator.nullsFirst(Comparator.naturalOrder())));
		return summaries;
	}

	private static int count(List<ContractCheck> checks, ContractState state) {
		return (int) checks.stream().filter((check) -> check.state() == state).count();
	}
}
