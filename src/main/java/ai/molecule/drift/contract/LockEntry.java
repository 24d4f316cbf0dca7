package ai.molecule.drift.contract;

import ai.molecule.drift.model.ContractCheck;

/**
 * One entry of a lock as written, with what is wrong with it.
 *
 * @param position its index in the lock's {@code contracts} list
 * @param path the vendored copy; {@code null} when missing
 * @param sha256 lower-case hex; {@code null} when missing
 * @param source {@code owner/name}; {@code null} when missing
 * @param sourcePath the upstream path ({@code path} unless given)
 * @param ref {@code null} for the upstream's default branch
 * @param problem why the entry cannot be checked; {@code null} for a valid entry
 */
public record LockEntry(int position, String path, String sha256, String source, String sourcePath, String ref,
		String problem) {

	public boolean valid() {
		return problem == null;
	}

	/** The upstream file it locks; only for a valid entry. */
	public ContractCheck.Upstream upstream() {
		return new ContractCheck.Upstream(source, sourcePath, ref);
	}

	String owner() {
		return source.substring(0, source.indexOf('/'));
	}

	String repo() {
		return source.substring(source.indexOf('/') + 1);
	}
}
