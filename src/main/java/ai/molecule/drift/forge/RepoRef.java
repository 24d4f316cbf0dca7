package ai.molecule.drift.forge;

/**
 * A repository as the org listing describes it.
 *
 * @param owner the organisation
 * @param name the repository name
 * @param defaultBranch files are read from this branch
 * @param archived read-only on the forge; reported, but its findings never fail the run
 * @param empty has no commits (Gitea's {@code empty}); nothing to read
 * @param privateRepo visible only with a token
 */
public record RepoRef(String owner, String name, String defaultBranch, boolean archived, boolean empty,
		boolean privateRepo) {

	public String fullName() {
		return owner + "/" + name;
	}
}
