package ai.molecule.drift.forge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.RepoFiles.TreeEntry.Type;
import ai.molecule.drift.lag.ReleaseTag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalForgeTests {

	private static final Instant FIRST_COMMIT = Instant.parse("2026-03-01T10:00:00Z");

	private static final Instant SECOND_COMMIT = Instant.parse("2026-03-05T10:00:00Z");

	private static final Instant TAGGED = Instant.parse("2026-03-09T08:30:00Z");

	@TempDir
	Path dir;

	private Path root;

	private LocalForge forge;

	@BeforeEach
	void createRoot() throws IOException {
		root = Files.createDirectory(dir.resolve("org"));
		forge = new LocalForge(root);
	}

	@Test
	void listsSubFoldersByNameSkippingHiddenOnesAndFiles() throws IOException {
		write("b-repo/README.md", "b");
		write("a-repo/README.md", "a");
		write(".hidden/README.md", "h");
		write("notes.txt", "not a repository");
		assertThat(forge.listRepos("acme")).containsExactly(new RepoRef("acme", "a-repo", "main", false, false, false),
				new RepoRef("acme", "b-repo", "main", false, false, false));
	}

	@Test
	void archivedMarkerArchivesTheRepoAndIsNoContent() throws IOException {
		write("old/.archived", "");
		write("old/.runtime-version", "0.3.1\n");
		RepoRef old = forge.findRepo("acme", "old").orElseThrow();
		assertThat(old.archived()).isTrue();
		assertThat(forge.readFiles(old, Set.of(".archived")).files()).isEmpty();
		assertThat(forge.readFiles(old, Set.of()).topLevel()).extracting(TreeEntry::name).containsExactly(".runtime-version");
	}

	@Test
	void defaultBranchOfAGitRepoIsItsCurrentBranch() throws Exception {
		write("repo/README.md", "r");
		try (Git git = Git.init().setDirectory(root.resolve("repo").toFile()).setInitialBranch("trunk").call()) {
			commit(git, FIRST_COMMIT);
		}
		assertThat(forge.findRepo("acme", "repo")).get().extracting(RepoRef::defaultBranch).isEqualTo("trunk");
	}

	@Test
	void findsOnlyExistingVisibleFolders() throws IOException {
		write("repo/README.md", "r");
		write(".hidden/README.md", "h");
		write("file", "f");
		assertThat(forge.findRepo("acme", "repo")).contains(new RepoRef("acme", "repo", "main", false, false, false));
		assertThat(forge.findRepo("acme", "absent")).isEmpty();
		assertThat(forge.findRepo("acme", ".hidden")).isEmpty();
		assertThat(forge.findRepo("acme", "file")).isEmpty();
	}

	@Test
	void readsTopLevelEntriesAndRequestedFiles() throws Exception {
		write("repo/.runtime-version", "0.3.11\r\n");
		write("repo/README.md", "Caf\u00e9\n");
		write("repo/workspace/main.py", "");
		Files.createSymbolicLink(root.resolve("repo/link"), Path.of("README.md"));
		Git.init().setDirectory(root.resolve("repo").toFile()).call().close();
		RepoRef repo = forge.findRepo("acme", "repo").orElseThrow();
		RepoFiles files = forge.readFiles(repo, Set.of(".runtime-version", "README.md", "Dockerfile", "workspace"));
		assertThat(files.topLevel()).containsExactly(new TreeEntry(".runtime-version", Type.FILE),
				new TreeEntry("README.md", Type.FILE), new TreeEntry("link", Type.SYMLINK),
				new TreeEntry("workspace", Type.DIR));
		assertThat(files.files()).containsOnlyKeys(".runtime-version", "README.md")
			.containsEntry(".runtime-version", "0.3.11\r\n")
			.containsEntry("README.md", "Caf\u00e9\n");
	}

	@Test
	void readsAFileOfTenMebibytesButRefusesALargerOneRatherThanReadItsStart() throws IOException {
		byte[] big = new byte[10 * 1024 * 1024];
		Arrays.fill(big, (byte) 'x');
		Files.createDirectories(root.resolve("repo"));
		Files.write(root.resolve("repo/big.txt"), big);
		RepoRef repo = forge.findRepo("acme", "repo").orElseThrow();
		assertThat(forge.readFiles(repo, Set.of("big.txt")).files().get("big.txt")).hasSize(10 * 1024 * 1024);

		Files.write(root.resolve("repo/big.txt"), new byte[] { 'x' }, StandardOpenOption.APPEND);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(repo, Set.of("big.txt")))
			.withMessage("reading local repository repo: big.txt of local repository repo is larger than 10 MiB: "
					+ "reading it would cut it short, so its content is unknown");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFile("acme", "repo", "big.txt"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "../org/repo", "a/b", "a\\b", "/etc/passwd", "x\0y", "" })
	void refusesNamesThatCouldLeaveTheRoot(String name) throws IOException {
		write("repo/README.md", "r");
		RepoRef repo = forge.findRepo("acme", "repo").orElseThrow();
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.findRepo("acme", name));
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(repo, Set.of(name)));
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFile("acme", name, "README.md"));
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.listReleaseTags("acme", name));
	}

	@Test
	void refusesAFileLinkLeadingOutsideTheRootOrItsRepositoryButFollowsOneInside() throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "token");
		write("a/.runtime-version", "0.3.27\n");
		write("b/docker/Dockerfile", "FROM x\n");
		Files.createSymbolicLink(root.resolve("b/Dockerfile"), Path.of("docker/Dockerfile"));
		Files.createSymbolicLink(root.resolve("b/.runtime-version"), Path.of("../a/.runtime-version"));
		Files.createSymbolicLink(root.resolve("b/requirements.txt"), Path.of(".git/config"));
		Files.createSymbolicLink(root.resolve("b/secret"), secret);
		Git.init().setDirectory(root.resolve("b").toFile()).call().close();
		RepoRef b = forge.findRepo("acme", "b").orElseThrow();
		assertThat(forge.readFiles(b, Set.of("Dockerfile")).files()).containsEntry("Dockerfile", "FROM x\n");
		// GitHub and Gitea cannot follow a link into another repository: here it is unknown too.
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> forge.readFiles(b, Set.of(".runtime-version")))
			.withMessageContaining("leads out of the repository");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(b, Set.of("requirements.txt")))
			.withMessageContaining("leads out of the repository");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(b, Set.of("secret")))
			.withMessageContaining("outside");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFile("acme", "b", "secret"));
	}

	@Test
	void refusesARepoFolderLinkLeadingOutsideTheRoot() throws IOException {
		Path outside = Files.createDirectories(dir.resolve("elsewhere"));
		Files.writeString(outside.resolve(".runtime-version"), "0.3.27\n");
		Files.createSymbolicLink(root.resolve("evil"), outside);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.listRepos("acme"))
			.withMessageContaining("evil");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.findRepo("acme", "evil"));
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> forge.readFile("acme", "evil", ".runtime-version"));
	}

	@Test
	void aDanglingLinkIsUnreadableNotAbsent() throws IOException {
		Files.createDirectories(root.resolve("repo"));
		Files.createSymbolicLink(root.resolve("repo/.runtime-version"), Path.of("gone"));
		RepoRef repo = forge.findRepo("acme", "repo").orElseThrow();
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> forge.readFiles(repo, Set.of(".runtime-version")))
			.withMessageContaining("repo")
			.withMessageContaining(".runtime-version");
	}

	@Test
	void readsAFolderThatVanishedAsAnError() throws IOException {
		RepoRef gone = new RepoRef("acme", "gone", "main", false, false, false);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(gone, Set.of("README.md")))
			.withMessageContaining("gone");
	}

	@Test
	void listingAMissingRootFails() {
		LocalForge missing = new LocalForge(dir.resolve("nowhere"));
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> missing.listRepos("acme"))
			.withMessageContaining("nowhere");
	}

	@Test
	void datesLightweightTagsByCommitAndAnnotatedTagsByTagger() throws Exception {
		write("runtime/pyproject.toml", "[project]\nversion = \"0.1.0\"\n");
		try (Git git = Git.init().setDirectory(root.resolve("runtime").toFile()).call()) {
			RevCommit first = commit(git, FIRST_COMMIT);
			write("runtime/pyproject.toml", "[project]\nversion = \"0.2.0\"\n");
			RevCommit second = commit(git, SECOND_COMMIT);
			git.tag().setName("v0.1.0").setObjectId(first).setAnnotated(false).call();
			git.tag().setName("v0.2.0").setObjectId(second).setAnnotated(true).setMessage("0.2.0")
				.setTagger(ident(TAGGED)).setSigned(false).call();
		}
		assertThat(forge.listReleaseTags("acme", "runtime")).containsExactlyInAnyOrder(
				new ReleaseTag("v0.1.0", FIRST_COMMIT, false, false), new ReleaseTag("v0.2.0", TAGGED, false, false));
	}

	@Test
	void aFolderThatIsNoGitRepoHasNoTags() throws IOException {
		write("plain/README.md", "r");
		assertThat(forge.listReleaseTags("acme", "plain")).isEmpty();
		assertThat(forge.listReleaseTags("acme", "absent")).isEmpty();
	}

	@Test
	void aBrokenGitRepoIsAnError() throws IOException {
		Files.createDirectories(root.resolve("broken/.git"));
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.listReleaseTags("acme", "broken"))
			.withMessageContaining("broken");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.findRepo("acme", "broken"));
	}

	@Test
	void readsOneFileAtTheTopOrBelow() throws IOException {
		write("repo/pyproject.toml", "[project]\n");
		write("repo/src/pkg/version.txt", "1.0\n");
		Files.createDirectories(root.resolve("repo/.git"));
		Files.writeString(root.resolve("repo/.git/config"), "[core]\n");
		assertThat(forge.readFile("acme", "repo", "pyproject.toml")).contains("[project]\n");
		assertThat(forge.readFile("acme", "repo", "src/pkg/version.txt")).contains("1.0\n");
		assertThat(forge.readFile("acme", "repo", "absent.toml")).isEmpty();
		assertThat(forge.readFile("acme", "repo", "src")).isEmpty();
		assertThat(forge.readFile("acme", "repo", ".git/config")).isEmpty();
		assertThat(forge.readFile("acme", "absent", "pyproject.toml")).isEmpty();
		for (String path : List.of("src/../../repo/pyproject.toml", "src\\pkg", "/etc/passwd", "src//pkg", "src/")) {
			assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFile("acme", "repo", path));
		}
	}

	private void write(String path, String content) throws IOException {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private static RevCommit commit(Git git, Instant when) throws Exception {
		git.add().addFilepattern(".").call();
		return git.commit().setMessage("at " + when).setAuthor(ident(when)).setCommitter(ident(when)).setSign(false)
			.setNoVerify(true).call();
	}

	private static PersonIdent ident(Instant when) {
		return new PersonIdent("Test", "test@example.com", when, ZoneOffset.UTC);
	}
}
