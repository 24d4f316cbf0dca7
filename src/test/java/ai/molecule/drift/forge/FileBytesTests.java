package ai.molecule.drift.forge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes reads for vendored contracts ({@link Forge#readBlobs}, {@link Forge#readBlob}) answer alike on every
 * forge: the exact bytes at any depth, nothing for a missing path, and "no file" for a directory or a link,
 * which is never followed (a pinned copy must be the bytes themselves).
 */
class FileBytesTests {

	/** Not valid UTF-8: read as text, these bytes would change, and so would their sha256. */
	private static final byte[] BINARY = { 'x', '=', (byte) 0xff, (byte) 0xfe, '\r', '\n' };

	private final FakeGitHub github = FakeGitHub.start().requireToken(TestForges.TOKEN);

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@TempDir
	Path local;

	@AfterEach
	void stop() {
		github.close();
		gitea.close();
	}

	@Test
	void readsTheExactBytesAtAnyDepthAndTellsMissingDirectoryAndLinkApart() throws IOException {
		setUp("app");
		RepoRef ref = new RepoRef("acme", "app", "main", false, false, false);
		forges().forEach((how, forge) -> {
			Map<String, FileBytes> read = forge.readBlobs(ref,
					List.of("contracts/contracts.lock", "contracts/registry.py", "contracts/gone.py", "contracts/sub",
							"contracts/linked.py"));
			assertThat(read.get("contracts/contracts.lock").bytes()).as(how).isEqualTo("contracts: []\n".getBytes());
			assertThat(read.get("contracts/registry.py").bytes()).as(how).isEqualTo(BINARY);
			assertThat(read.get("contracts/gone.py").kind()).as(how).isEqualTo(FileBytes.Kind.ABSENT);
			assertThat(read.get("contracts/sub")).as(how).extracting(FileBytes::kind, FileBytes::answer)
				.containsExactly(FileBytes.Kind.NOT_A_FILE, "a directory");
			assertThat(read.get("contracts/linked.py")).as(how).extracting(FileBytes::kind, FileBytes::answer)
				.containsExactly(FileBytes.Kind.NOT_A_FILE, "a symbolic link");
		});
	}

	@Test
	void anUpstreamFileIsReadAtItsRefAndIsAbsentWhereTheRepositoryOrRefIsNot() throws IOException {
		setUp("upstream");
		forges().forEach((how, forge) -> {
			assertThat(forge.readBlob("acme", "upstream", null, "contracts/registry.py").bytes()).as(how).isEqualTo(BINARY);
			assertThat(forge.readBlob("acme", "upstream", "main", "contracts/registry.py").bytes()).as(how)
				.isEqualTo(BINARY);
			assertThat(forge.readBlob("acme", "upstream", "no-such-branch", "contracts/registry.py").kind()).as(how)
				.isEqualTo(FileBytes.Kind.ABSENT);
			assertThat(forge.readBlob("acme", "nowhere", null, "contracts/registry.py").kind()).as(how)
				.isEqualTo(FileBytes.Kind.ABSENT);
		});
	}

	@Test
	void onGiteaSeveralFilesCostOneRequest() throws IOException {
		setUp("app");
		RepoRef ref = new RepoRef("acme", "app", "main", false, false, false);
		TestForges.gitea(gitea, null, sleeper).readBlobs(ref, List.of("contracts/contracts.lock", "contracts/registry.py"));
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/app/file-contents");
	}

	@Test
	void theLocalForgeReadsAnUpstreamAtItsRefThroughGit() throws Exception {
		Path dir = Files.createDirectories(local.resolve("upstream"));
		try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
			Files.createDirectories(dir.resolve("contracts"));
			Files.writeString(dir.resolve("contracts/registry.py"), "v1\n");
			git.add().addFilepattern(".").call();
			git.commit().setMessage("v1").setSign(false).setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").call();
			git.tag().setName("v1").setAnnotated(false).call();
			Files.writeString(dir.resolve("contracts/registry.py"), "v2\n");
			Files.createSymbolicLink(dir.resolve("contracts/linked.py"), Path.of("registry.py"));
			git.add().addFilepattern(".").call();
			git.commit().setMessage("v2").setSign(false).setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").call();
		}
		// Uncommitted bytes are not what the ref holds.
		Files.writeString(dir.resolve("contracts/registry.py"), "work in progress\n");
		LocalForge forge = new LocalForge(local);
		assertThat(forge.readBlob("acme", "upstream", "v1", "contracts/registry.py").bytes()).isEqualTo("v1\n".getBytes());
		assertThat(forge.readBlob("acme", "upstream", "main", "contracts/registry.py").bytes()).isEqualTo("v2\n".getBytes());
		assertThat(forge.readBlob("acme", "upstream", null, "contracts/registry.py").bytes()).isEqualTo("v2\n".getBytes());
		assertThat(forge.readBlob("acme", "upstream", "v1", "contracts/linked.py").kind()).isEqualTo(FileBytes.Kind.ABSENT);
		assertThat(forge.readBlob("acme", "upstream", "main", "contracts/linked.py").answer()).isEqualTo("a symbolic link");
		assertThat(forge.readBlob("acme", "upstream", "main", "contracts").answer()).isEqualTo("a directory");
		assertThat(forge.readBlob("acme", "upstream", "nope", "contracts/registry.py").answer()).isEqualTo("no ref nope");
	}

	private Map<String, Forge> forges() {
		Map<String, Forge> forges = new LinkedHashMap<>();
		forges.put("GitHub", TestForges.github(github, TestForges.TOKEN, sleeper));
		forges.put("Gitea", TestForges.gitea(gitea, null, sleeper));
		forges.put("local", new LocalForge(local));
		return forges;
	}

	private void setUp(String name) throws IOException {
		Path dir = Files.createDirectories(local.resolve(name).resolve("contracts/sub"));
		Files.writeString(dir.resolve("../contracts.lock"), "contracts: []\n");
		Files.write(dir.resolve("../registry.py"), BINARY);
		Files.writeString(dir.resolve("x.py"), "x\n");
		Files.createSymbolicLink(local.resolve(name).resolve("contracts/linked.py"), Path.of("registry.py"));
		for (FakeGiteaRepo repo : List.of(github.repo("acme", name), gitea.repo("acme", name))) {
			repo.file("contracts/contracts.lock", "contracts: []\n")
				.file("contracts/registry.py", BINARY)
				.file("contracts/sub/x.py", "x\n")
				.symlink("contracts/linked.py", "registry.py");
		}
	}
}
