package ai.molecule.drift.model;

/**
 * One entry of a repository's {@code contracts/contracts.lock}, checked: the vendored copy against the lock,
 * and the lock against the upstream file. Hashes are lower-case hex; {@code null} where not known.
 *
 * @param path the vendored copy, in the repository
 * @param source the upstream repository, {@code owner/name}
 * @param sourcePath the upstream file's path
 * @param ref the upstream ref; {@code null} for its default branch
 * @param lockSha256 what the lock says
 * @param vendoredSha256 of the vendored bytes; {@code null} when there are none
 * @param upstreamSha256 of the upstream bytes; {@code null} when not read or absent
 * @param state where it stands
 */
public record ContractCheck(String path, String source, String sourcePath, String ref, String lockSha256,
		String vendoredSha256, String upstreamSha256, ContractState state) {

	/** The upstream file this entry locks; entries of several repositories share it. */
	public Upstream upstream() {
		return new Upstream(source, sourcePath, ref);
	}

	/**
	 * An upstream file: read once per run, however many repositories vendor it.
	 *
	 * @param source {@code owner/name}
	 * @param sourcePath the file's path there
	 * @param ref {@code null} for the default branch
	 */
	public record Upstream(String source, String sourcePath, String ref) {
	}
}
