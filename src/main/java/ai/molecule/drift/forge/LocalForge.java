package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ai.molecule.drift.lag.ReleaseTag;

/**
 * The offline forge ({@code drift.forge.type=local}): a folder with one sub-folder per repository
 * of the organisation, plain folders or git working trees, read as they are on disk.
 * <p>
 * The root <em>is</em> the organisation: the {@code org} arguments only fill {@link RepoRef#owner()}.
 * Hidden sub-folders are no repositories; a sub-folder holding a file named {@value #ARCHIVED_MARKER}
 * is archived. Files come from the working tree (what is on disk, committed or not); tags come from
 * {@code .git} through JGit. Names and paths that could leave the root ({@code /}, {@code \},
 * {@code ..}, NUL, absolute) are refused, and so is a link that leads outside the root; a link that leads
 * out of its own repository is unknown, as on the other forges ({@link RepoLinks}). A file larger
 * than 10 MiB is not read at all: cut to a prefix it would be another file, so it is unknown (a
 * {@link ForgeException}). What a read finds is held against the root listing, as on the other forges
 * (the folder may change between the two). Stateless, hence thread-safe.
 */
public final class LocalForge implements Forge {

	/** A repository folder holding a file of this name is archived. */
	public static final String ARCHIVED_MARKER = ".archived";

	/** The branch of a repository folder that is not a git working tree. */
	static final String PLAIN_FOLDER_BRANCH = "main";

	private final LocalPaths paths;

	public LocalForge(Path root) {
		this.paths = new LocalPaths(Objects.requireNonNull(root, "drift.forge.root is required for the local forge"));
	}

	@Override
	public List<RepoRef> listRepos(String org) {
		List<String> names;
		try (Stream<Path> entries = Files.list(paths.realRoot())) {
			names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ForgeException("cannot list local forge root " + paths.root() + ": " + ex, ex);
		}
		return names.stream().flatMap(name -> findRepo(org, name).stream()).toList();
	}

	@Override
	public Optional<RepoRef> findRepo(String org, String name) {
		return paths.repoDir(name).map(dir -> new RepoRef(org, name, branch(dir, name),
				Files.exists(dir.resolve(ARCHIVED_MARKER), LinkOption.NOFOLLOW_LINKS), false, false));
	}

	@Override
	public RepoFiles readFiles(RepoRef repo, Set<String> requested) {
		requested.forEach(LocalPaths::checkName);
		Path dir = paths.repoDir(repo.name())
			.orElseThrow(() -> new ForgeException("local repository " + repo.name() + " no longer exists under "
					+ paths.root()));
		List<RepoFiles.TreeEntry> topLevel = paths.topLevel(dir, repo.name());
		ListedPaths listed = ListedPaths.of(topLevel);
		Map<String, String> files = new LinkedHashMap<>();
		try {
			for (String path : requested.stream().sorted().toList()) {
				listed.confirm(path, paths.readPath(dir, repo.name(), path)).ifPresent(content -> files.put(path, content));
			}
		}
		catch (ForgeException ex) {
			throw new ForgeException("reading local repository " + repo.name() + ": " + ex.getMessage(), ex);
		}
		return new RepoFiles(topLevel, files);
	}

	/** Every tag of the repository folder's git repository; none when the folder is no git repository. */
	@Override
	public List<ReleaseTag> listReleaseTags(String org, String repo) {
		return paths.repoDir(repo).filter(LocalGit::isRepository).map(dir -> LocalGit.tags(dir, repo)).orElse(List.of());
	}

	/** A file of the working tree, at the top level or below it. */
	@Override
	public Optional<String> readFile(String org, String repo, String path) {
		LocalPaths.checkPath(path);
		return paths.repoDir(repo).flatMap(dir -> paths.read(dir, repo, path));
	}

	/** Bytes of the working tree, as it is on disk. */
	@Override
	public Map<String, FileBytes> readBlobs(RepoRef repo, List<String> requested) {
		Path dir = paths.repoDir(repo.name())
			.orElseThrow(() -> new ForgeException("local repository " + repo.name() + " no longer exists under "
					+ paths.root()));
		Map<String, FileBytes> files = new LinkedHashMap<>();
		for (String path : requested) {
			files.put(path, paths.blob(dir, repo.name(), path));
		}
		return files;
	}

	/**
	 * Bytes at {@code ref} through git where the folder is a git repository; a plain folder has only its
	 * one branch, {@value #PLAIN_FOLDER_BRANCH}, as it is on disk.
	 */
	@Override
	public FileBytes readBlob(String org, String repo, String ref, String path) {
		LocalPaths.checkPath(path);
		Optional<Path> dir = paths.repoDir(repo);
		if (dir.isEmpty()) {
			return FileBytes.absent("no repository folder " + repo);
		}
		if (LocalGit.isRepository(dir.get())) {
			return LocalGit.blobAt(dir.get(), repo, (ref != null) ? ref : "HEAD", path);
		}
		if (ref != null && !ref.equals(PLAIN_FOLDER_BRANCH)) {
			return FileBytes.absent("no ref " + ref + " in a folder that is no git repository");
		}
		return paths.blob(dir.get(), repo, path);
	}

	/** Proposes bumps as branches of the repository folders' git repositories. */
	public BumpWriter bumps(Clock clock) {
		return new LocalBumps(paths, clock);
	}

	private static String branch(Path dir, String name) {
		return LocalGit.isRepository(dir) ? LocalGit.currentBranch(dir, name) : PLAIN_FOLDER_BRANCH;
	}
}
