package ai.molecule.drift.classify;

import java.util.List;

import ai.molecule.drift.contract.ContractEvidence;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * What the forge told us about one repository: the input of classification.
 *
 * @param name repository name
 * @param exists {@code false} for an enumerated consumer the org does not have
 * @param archived archived on the forge
 * @param pinFile raw {@code .runtime-version} content; {@code null} when the file is absent
 * @param dockerfile raw {@code Dockerfile}; {@code null} when absent
 * @param requirements raw {@code requirements.txt}; {@code null} when absent
 * @param topLevel entries at the root of the default branch
 * @param readError why the repository could not be read; {@code null} when it was
 * @param contracts its vendored contracts as read; {@link ContractEvidence#NONE} without a lock
 */
public record RepoSnapshot(String name, boolean exists, boolean archived, String pinFile, String dockerfile,
		String requirements, List<TreeEntry> topLevel, String readError, ContractEvidence contracts) {

	public RepoSnapshot {
		topLevel = topLevel == null ? List.of() : List.copyOf(topLevel);
		contracts = (contracts == null) ? ContractEvidence.NONE : contracts;
	}

	/** A repository read without its vendored contracts. */
	public RepoSnapshot(String name, boolean exists, boolean archived, String pinFile, String dockerfile,
			String requirements, List<TreeEntry> topLevel, String readError) {
		this(name, exists, archived, pinFile, dockerfile, requirements, topLevel, readError, ContractEvidence.NONE);
	}

	public static RepoSnapshot missing(String name) {
		return new RepoSnapshot(name, false, false, null, null, null, List.of(), null);
	}

	public static RepoSnapshot unreadable(String name, boolean archived, String readError) {
		return new RepoSnapshot(name, true, archived, null, null, null, List.of(), readError);
	}
}
