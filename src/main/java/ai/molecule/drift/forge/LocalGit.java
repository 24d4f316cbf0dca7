package ai.molecule.drift.forge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import ai.molecule.drift.lag.ReleaseTag;

/** What {@link LocalForge} reads from a repository folder that is a git working tree, through JGit. */
final class LocalGit {

	private LocalGit() {
	}

	static boolean isRepository(Path dir) {
		return Files.exists(dir.resolve(Constants.DOT_GIT));
	}

	/**
	 * The checked-out branch; {@code HEAD} when the working tree is detached, since the files read
	 * are then those of no branch.
	 */
	static String currentBranch(Path dir, String repo) {
		try (Repository repository = open(dir)) {
			String head = repository.getFullBranch();
			return head != null && head.startsWith(Constants.R_HEADS) ? Repository.shortenRefName(head)
					: Constants.HEAD;
		}
		catch (IOException | RuntimeException ex) {
			throw new ForgeException("cannot read the git branch of local repository " + repo + ": " + ex, ex);
		}
	}

	/**
	 * Every tag, by name: an annotated tag is dated by its tagger, a lightweight one by its commit's
	 * committer. Git has no release objects, so nothing is a draft or a pre-release here.
	 */
	static List<ReleaseTag> tags(Path dir, String repo) {
		try (Repository repository = open(dir); RevWalk walk = new RevWalk(repository)) {
			List<ReleaseTag> tags = new ArrayList<>();
			for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
				String name = ref.getName().substring(Constants.R_TAGS.length());
				tags.add(new ReleaseTag(name, date(walk, walk.parseAny(ref.getObjectId())), false, false));
			}
			tags.sort(Comparator.comparing(ReleaseTag::name));
			return tags;
		}
		catch (IOException | RuntimeException ex) {
			throw new ForgeException("cannot read the git tags of local repository " + repo + ": " + ex, ex);
		}
	}

	private static Instant date(RevWalk walk, RevObject object) throws IOException {
		if (object instanceof RevTag tag) {
			PersonIdent tagger = tag.getTaggerIdent();
			if (tagger != null) {
				return tagger.getWhenAsInstant();
			}
		}
		// A tag of a tree or a blob has no date at all.
		return walk.peel(object) instanceof RevCommit commit ? Instant.ofEpochSecond(commit.getCommitTime()) : null;
	}

	private static Repository open(Path dir) throws IOException {
		// No readEnvironment(): GIT_DIR and friends of this process must not redirect the read.
		return new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build();
	}

	/**
	 * The bytes at {@code path} in the commit {@code ref} names (a branch, tag or commit id); absent when
	 * the ref or the path does not exist there. Links (mode 120000) and submodules are no file.
	 */
	static FileBytes blobAt(Path dir, String repo, String ref, String path) {
		try (Repository repository = open(dir); RevWalk walk = new RevWalk(repository)) {
			ObjectId id = repository.resolve(ref + "^{commit}");
			if (id == null) {
				return FileBytes.absent("no ref " + ref);
			}
			RevCommit commit = walk.parseCommit(id);
			try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
				if (tree == null) {
					return FileBytes.absent("nothing at " + ref);
				}
				FileMode mode = tree.getFileMode(0);
				if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) {
					return FileBytes.notAFile(FileMode.SYMLINK.equals(mode) ? "a symbolic link"
							: FileMode.TREE.equals(mode) ? "a directory" : "no regular file");
				}
				ObjectLoader loader = repository.open(tree.getObjectId(0));
				if (loader.getSize() > LocalPaths.MAX_FILE_BYTES) {
					throw new ForgeException(path + " of local repository " + repo + " at " + ref + " is larger than "
							+ (LocalPaths.MAX_FILE_BYTES >> 20) + " MiB, so its content is unknown");
				}
				return FileBytes.file(loader.getBytes());
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ForgeException forge) {
				throw forge;
			}
			throw new ForgeException("cannot read " + path + " of local repository " + repo + " at " + ref + ": " + ex, ex);
		}
	}
}
