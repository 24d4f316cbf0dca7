package ai.molecule.drift.forge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.molecule.drift.lag.ReleaseTag;

/**
 * Read-only view of an organisation on a forge: what the scan needs, and nothing else.
 * <p>
 * Implementations are thread-safe: the scan step calls {@link #readFiles} from several threads.
 * Every failure other than "this does not exist" is a {@link ForgeException}, whose message names
 * the request (path only, never the token) so that an operator can act on it.
 */
public interface Forge {

	/** Every repository of the organisation (all pages), in the forge's order, without duplicates. */
	List<RepoRef> listRepos(String org);

	/** One repository, or empty when the forge answers 404 (absent, or private without access). */
	Optional<RepoRef> findRepo(String org, String name);

	/**
	 * The top-level entries of the repository's default branch and the content of those of
	 * {@code paths} (top-level names) that exist there. An absent file is simply missing from
	 * {@link RepoFiles#files()}; a file that exists but cannot be read is a {@link ForgeException}. Every
	 * read is held against the root listing: a path listed as a file that reads as nothing or as a
	 * directory, one listed as a directory that reads as a file, a read cut short, or a flag ({@code empty})
	 * that the listing contradicts is a {@link ForgeException} too, never an absent file.
	 */
	RepoFiles readFiles(RepoRef repo, Set<String> paths);

	/**
	 * Says that {@link #readFiles} will soon be asked for these repositories and paths, so that a forge
	 * able to read many repositories per request (GitHub's GraphQL API) can do it now. Optional and
	 * never failing: a forge that cannot read ahead, or fails to, reads on demand. Each call replaces
	 * what an earlier one read.
	 */
	default void readAhead(List<RepoRef> repos, Set<String> paths) {
	}

	/**
	 * Every tag of the repository, each merged with its forge release when there is one
	 * (draft/pre-release flags and publication date). Unfiltered and unsorted: the caller decides
	 * which tags are releases.
	 */
	List<ReleaseTag> listReleaseTags(String org, String repo);

	/** One file of the repository's default branch, or empty when it does not exist. */
	Optional<String> readFile(String org, String repo, String path);

	/**
	 * The bytes of files at any depth of the repository's default branch, in one request where the forge
	 * can (Gitea 1.24+). A path that does not exist is {@link FileBytes.Kind#ABSENT}; a directory, a
	 * symbolic link or a submodule is {@link FileBytes.Kind#NOT_A_FILE}; a file that cannot be read whole
	 * is a {@link ForgeException}.
	 */
	Map<String, FileBytes> readBlobs(RepoRef repo, List<String> paths);

	/**
	 * One file of a repository of the organisation at {@code ref} (a branch, tag or commit; {@code null}
	 * for the default branch), read as {@link #readBlobs} reads; {@link FileBytes.Kind#ABSENT} when the
	 * repository, the ref or the file does not exist.
	 */
	FileBytes readBlob(String org, String repo, String ref, String path);
}
