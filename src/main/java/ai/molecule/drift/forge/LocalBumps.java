package ai.molecule.drift.forge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Bump proposals on the local forge: a branch with one commit in the repository folder's git, written
 * through JGit's objects and refs only, so the working tree, the index and the checked-out branch stay
 * as they are. The tool's branches are told by the marker in their commit's message.
 */
final class LocalBumps implements BumpWriter {

	private static final PersonIdent TOOL = new PersonIdent("consumer-drift", "consumer-drift@localhost");

	private final LocalPaths paths;

	private final Clock clock;

	LocalBumps(LocalPaths paths, Clock clock) {
		this.paths = paths;
		this.clock = clock;
	}

	@Override
	public BumpResult propose(RepoRef repo, BumpRequest request) {
		Path dir = paths.repoDir(repo.name()).orElse(null);
		if (dir == null || !LocalGit.isRepository(dir)) {
			return BumpResult.failed("local repository " + repo.name() + " is no git repository, so it has no branch "
					+ "to propose on");
		}
		try (Repository git = FileRepositoryBuilder.create(dir.resolve(Constants.DOT_GIT).toFile());
				RevWalk walk = new RevWalk(git)) {
			Ref existing = git.exactRef(Constants.R_HEADS + request.branch());
			if (existing != null) {
				RevCommit tip = walk.parseCommit(existing.getObjectId());
				if (!tip.getFullMessage().contains(request.marker())) {
					return BumpResult.failed("branch " + request.branch() + " exists and was not made by consumer-drift; "
							+ "it is left alone");
				}
				return new BumpResult("unchanged", null, null, Instant.ofEpochSecond(tip.getCommitTime()),
						supersede(git, walk, request), null);
			}
			Ref base = git.exactRef(Constants.R_HEADS + repo.defaultBranch());
			if (base == null) {
				return BumpResult.failed("local repository " + repo.name() + " has no branch " + repo.defaultBranch());
			}
			RevCommit head = walk.parseCommit(base.getObjectId());
			ObjectId commit = commit(git, head, request);
			RefUpdate update = git.updateRef(Constants.R_HEADS + request.branch());
			update.setNewObjectId(commit);
			update.setExpectedOldObjectId(ObjectId.zeroId());
			update.setRefLogMessage("consumer-drift: " + request.title(), false);
			RefUpdate.Result result = update.update(walk);
			if (result != RefUpdate.Result.NEW) {
				return BumpResult.failed("creating branch " + request.branch() + " answered " + result);
			}
			return new BumpResult("opened", null, null, clock.instant(), supersede(git, walk, request), null);
		}
		catch (IOException | RuntimeException ex) {
			return BumpResult.failed("writing to local repository " + repo.name() + ": " + ex.getMessage());
		}
	}

	private ObjectId commit(Repository git, RevCommit head, BumpRequest request) throws IOException {
		try (ObjectInserter inserter = git.newObjectInserter()) {
			DirCache index = DirCache.newInCore();
			DirCacheBuilder builder = index.builder();
			int replacedFiles = 0;
			try (TreeWalk tree = new TreeWalk(git)) {
				tree.addTree(head.getTree());
				tree.setRecursive(true);
				while (tree.next()) {
					DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
					entry.setFileMode(tree.getFileMode(0));
					byte[] replaced = request.files().get(tree.getPathString());
					replacedFiles += (replaced == null) ? 0 : 1;
					entry.setObjectId((replaced == null) ? tree.getObjectId(0)
							: inserter.insert(Constants.OBJ_BLOB, replaced));
					builder.add(entry);
				}
			}
			if (replacedFiles != request.files().size()) {
				// A bump changes files that are there; anything else is a mistake, never a new file.
				throw new IllegalStateException("a file to change is not on the default branch");
			}
			builder.finish();
			CommitBuilder commit = new CommitBuilder();
			PersonIdent now = new PersonIdent(TOOL, Instant.now(clock), ZoneOffset.UTC);
			commit.setAuthor(now);
			commit.setCommitter(now);
			commit.setParentId(head);
			commit.setTreeId(index.writeTree(inserter));
			commit.setMessage(request.title() + "\n\n" + request.body() + "\n");
			ObjectId id = inserter.insert(commit);
			inserter.flush();
			return id;
		}
	}

	/** Deletes the tool's branches for other targets of this repository: the new one replaces them. */
	private static int supersede(Repository git, RevWalk walk, BumpRequest request) throws IOException {
		int closed = 0;
		for (Ref ref : git.getRefDatabase().getRefsByPrefix(Constants.R_HEADS + request.branchPrefix())) {
			if (ref.getName().equals(Constants.R_HEADS + request.branch())) {
				continue;
			}
			RevCommit tip = walk.parseCommit(ref.getObjectId());
			if (tip.getFullMessage().contains(request.markerPrefix())) {
				RefUpdate delete = git.updateRef(ref.getName());
				delete.setForceUpdate(true);
				if (delete.delete(walk) == RefUpdate.Result.FORCED) {
					closed++;
				}
			}
		}
		return closed;
	}
}
