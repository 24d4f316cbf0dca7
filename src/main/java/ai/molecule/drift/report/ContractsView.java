package ai.molecule.drift.report;

import java.util.List;

import ai.molecule.drift.model.ContractSummary;

/**
 * One upstream file that templates vendor, as the reports show it; public because FreeMarker reads it.
 *
 * @param source the upstream repository, {@code owner/name}
 * @param sourcePath the file's path there
 * @param ref {@code null} for the default branch
 * @param sha256 the first 12 characters of the upstream file's sha256; {@code null} when it is missing
 * @param adopters repositories that lock it
 * @param inSync adopters in sync
 * @param drifted adopters with a stale snapshot
 * @param lockMismatch adopters whose copy does not match their lock
 * @param notAdopted consumers required to vendor it that do not, as the tables name them
 */
public record ContractsView(String source, String sourcePath, String ref, String sha256, int adopters, int inSync,
		int drifted, int lockMismatch, List<String> notAdopted) {

	static List<ContractsView> of(List<ContractSummary> summaries, String prefix) {
		return summaries.stream()
			.map((s) -> new ContractsView(Invisible.strip(s.source()), Invisible.strip(s.sourcePath()),
					Invisible.strip(s.ref()), (s.upstreamSha256() == null) ? null : s.upstreamSha256().substring(0, 12),
					s.adopters(), s.inSync(), s.drifted(), s.lockMismatch(),
					s.notAdopted().stream().map((name) -> RepoView.displayName(Invisible.strip(name), prefix)).toList()))
			.toList();
	}

	/** Whether every adopter is in sync and every required consumer has adopted it. */
	public boolean allInSync() {
		return inSync == adopters && notAdopted.isEmpty();
	}
}
