package ai.molecule.drift.forge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bump proposals on the local forge: a branch with one commit, written without touching the working tree,
 * left alone when it is someone else's, kept when it is the tool's, and the tool's older ones removed.
 */
class LocalBumpsTests {

	private static final String MARKER = "<!-- consumer-drift:bump repo=app target=0.3.21 -->";

	private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	@TempDir
	Path root;

	private Path app;

	private final RepoRef repo = new RepoRef("acme", "app", "main", false, false, false);

	private BumpWriter bumps;

	@BeforeEach
	void aTemplate() throws Exception {
		app = Files.createDirectories(root.resolve("app"));
		Files.writeString(app.resolve(".runtime-version"), "0.3.11\r\n");
		Files.writeString(app.resolve("README.md"), "# app\n");
		try (Git git = Git.init().setDirectory(app.toFile()).setInitialBranch("main").call()) {
			git.add().addFilepattern(".").call();
			git.commit().setMessage("init").setSign(false).setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").call();
		}
		bumps = new LocalForge(root).bumps(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void aBranchWithOneCommitChangingExactlyTheGivenFiles() throws Exception {
		BumpResult result = bumps.propose(repo, request("0.3.21", MARKER, "0.3.21\r\n"));
		assertThat(result.state()).isEqualTo("opened");
		assertThat(result.openedAt()).isEqualTo(NOW);
		try (Git git = Git.open(app.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
			RevCommit tip = walk.parseCommit(git.getRepository().resolve("bump/runtime-0.3.21"));
			RevCommit main = walk.parseCommit(git.getRepository().resolve("main"));
			assertThat(tip.getParents()).containsExactly(main);
			assertThat(tip.getFullMessage()).startsWith("Bump molecule-ai-workspace-runtime to 0.3.21\n\n").contains(MARKER);
			assertThat(tip.getCommitterIdent().getName()).isEqualTo("consumer-drift");
			assertThat(read(git, tip, ".runtime-version")).isEqualTo("0.3.21\r\n".getBytes(StandardCharsets.UTF_8));
			assertThat(read(git, tip, "README.md")).isEqualTo(read(git, main, "README.md"));
			assertThat(git.getRepository().getBranch()).as("the checked-out branch").isEqualTo("main");
			assertThat(git.status().call().isClean()).as("working tree and index untouched").isTrue();
		}
		assertThat(Files.readString(app.resolve(".runtime-version"))).isEqualTo("0.3.11\r\n");
	}

	@Test
	void theToolsBranchIsKeptOnALaterNightAndItsOlderOnesAreRemoved() throws Exception {
		bumps.propose(repo, request("0.3.15", MARKER.replace("0.3.21", "0.3.15"), "0.3.15\r\n"));
		assertThat(bumps.propose(repo, request("0.3.21", MARKER, "0.3.21\r\n")))
			.extracting(BumpResult::state, BumpResult::superseded).containsExactly("opened", 1);
		BumpResult again = bumps.propose(repo, request("0.3.21", MARKER, "0.3.21\r\n"));
		assertThat(again.state()).isEqualTo("unchanged");
		try (Git git = Git.open(app.toFile())) {
			assertThat(git.branchList().call()).extracting((ref) -> ref.getName())
				.containsExactlyInAnyOrder("refs/heads/main", "refs/heads/bump/runtime-0.3.21");
		}
	}

	@Test
	void aBranchOfTheSameNameThatTheToolDidNotMakeIsLeftAlone() throws Exception {
		ObjectId before;
		try (Git git = Git.open(app.toFile())) {
			before = git.branchCreate().setName("bump/runtime-0.3.21").call().getObjectId();
			git.branchCreate().setName("bump/runtime-0.3.15").call();
		}
		BumpResult result = bumps.propose(repo, request("0.3.21", MARKER, "0.3.21\r\n"));
		assertThat(result.state()).isEqualTo("failed");
		assertThat(result.reason()).isEqualTo("branch bump/runtime-0.3.21 exists and was not made by consumer-drift; "
				+ "it is left alone");
		try (Git git = Git.open(app.toFile())) {
			assertThat(git.getRepository().resolve("bump/runtime-0.3.21")).isEqualTo(before);
			assertThat(git.getRepository().resolve("bump/runtime-0.3.15")).as("not the tool's: never removed").isNotNull();
		}
	}

	@Test
	void aFolderThatIsNoGitRepositoryFailsWithTheReason() throws IOException {
		Files.createDirectories(root.resolve("plain"));
		BumpResult result = bumps.propose(new RepoRef("acme", "plain", "main", false, false, false),
				request("0.3.21", MARKER, "0.3.21\n"));
		assertThat(result).extracting(BumpResult::state, BumpResult::reason).containsExactly("failed",
				"local repository plain is no git repository, so it has no branch to propose on");
	}

	private static BumpRequest request(String target, String marker, String pin) {
		return new BumpRequest("bump/runtime-" + target, "bump/runtime-", "Bump molecule-ai-workspace-runtime to " + target,
				"Bumps the runtime.\n\n" + marker + "\n", marker, "<!-- consumer-drift:bump ",
				Map.of(".runtime-version", pin.getBytes(StandardCharsets.UTF_8)), List.of());
	}

	private static byte[] read(Git git, RevCommit commit, String path) throws IOException {
		try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
			return git.getRepository().open(walk.getObjectId(0)).getBytes();
		}
	}
}
