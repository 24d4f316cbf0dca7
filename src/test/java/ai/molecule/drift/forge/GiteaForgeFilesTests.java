package ai.molecule.drift.forge;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link GiteaForge}'s file reads (batch, per file, fallbacks) against a {@link FakeGitea}. */
class GiteaForgeFilesTests {

	private static final Set<String> PINS = Set.of(".runtime-version", "Dockerfile", "requirements.txt");

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void readsTheListingAndTheRequestedFilesWithTwoRequestsPerRepo() {
		for (String name : List.of("a", "b", "c")) {
			pinned(name).dir("workspace").file("README.md", "readme");
		}
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		for (String name : List.of("a", "b", "c")) {
			RepoFiles files = forge.readFiles(ref(name), PINS);
			assertThat(files.files()).containsOnly(entry(".runtime-version", "0.3.11\n"),
					entry("Dockerfile", "ARG RUNTIME_VERSION=0.3.11\n"), entry("requirements.txt", "ü==1\n"));
			assertThat(files.topLevel()).contains(new TreeEntry("workspace", TreeEntry.Type.DIR),
					new TreeEntry("README.md", TreeEntry.Type.FILE));
			assertThat(gitea.requests("/repos/acme/" + name + "/")).extracting(FakeGitea.Request::path)
				.containsExactly("/api/v1/repos/acme/" + name + "/contents-ext/",
						"/api/v1/repos/acme/" + name + "/file-contents");
		}
		assertThat(gitea.requests("file-contents").get(0).target()).contains("ref=main");
		assertThat(gitea.requests("contents-ext").get(0).target()).isEqualTo("/api/v1/repos/acme/a/contents-ext/?ref=main");
	}

	@Test
	void filesMissingFromTheListingAreAbsentWithoutAskingForThemAndADirectoryIsOnlyChecked() {
		gitea.repo("acme", "clean").file("README.md", "hi").dir(".runtime-version");
		RepoFiles files = TestForges.gitea(gitea, null, sleeper).readFiles(ref("clean"), PINS);
		assertThat(files.files()).isEmpty();
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/clean/contents-ext/", "/api/v1/repos/acme/clean/contents/.runtime-version");
	}

	@Test
	void anOlderServerIsProbedOnceThenReadFileByFile() throws Exception {
		gitea.batchFileContents(false);
		IntStream.range(0, 16).forEach((i) -> pinned("r" + i));
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<RepoFiles>> reads = IntStream.range(0, 16)
				.mapToObj((i) -> threads.submit(() -> forge.readFiles(ref("r" + i), PINS)))
				.toList();
			for (Future<RepoFiles> read : reads) {
				assertThat(read.get().files()).containsEntry(".runtime-version", "0.3.11\n").hasSize(3);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(gitea.requests("file-contents")).hasSize(1);
		assertThat(gitea.requests("contents-ext")).hasSize(1);
		assertThat(gitea.requests("/contents[/?]|/contents$")).hasSize(16 + 16 * 3);
	}

	@Test
	void aFileListedButAnswering404IsAContradictionNeverAbsent() {
		gitea.batchFileContents(false);
		pinned("app");
		gitea.failAlways("/repos/acme/app/contents/Dockerfile", 404);
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).readFiles(ref("app"), PINS))
			.withMessage("reading acme/app: Dockerfile is listed as a file but reading it answered 404");
	}

	@Test
	void aServerErrorOnAFileIsAnErrorNamingTheRepoAfterEveryAttempt() {
		gitea.batchFileContents(false);
		pinned("app");
		gitea.failAlways("/repos/acme/app/contents/\\.runtime-version", 500);
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).readFiles(ref("app"), PINS))
			.withMessage("reading acme/app: GET /api/v1/repos/acme/app/contents/.runtime-version: "
					+ "HTTP 500 after 4 attempts");
		assertThat(gitea.requests("contents/\\.runtime-version")).hasSize(4);
		assertThat(sleeper.waits()).hasSize(3);
	}

	@Test
	void aFailingBatchIsAnErrorNamingTheRepo() {
		pinned("app");
		gitea.failAlways("/file-contents", 503);
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).readFiles(ref("app"), PINS))
			.withMessageStartingWith("reading acme/app: GET /api/v1/repos/acme/app/file-contents: HTTP 503");
	}

	@Test
	void aFileOverTheBlobLimitIsReadRaw() {
		gitea.maxBlobSize(16);
		gitea.repo("acme", "big")
			.file(".runtime-version", "0.3.11\n")
			.file("Dockerfile", "FROM python:3.12\n".repeat(4));
		RepoFiles files = TestForges.gitea(gitea, null, sleeper).readFiles(ref("big"), PINS);
		assertThat(files.files()).containsOnly(entry(".runtime-version", "0.3.11\n"),
				entry("Dockerfile", "FROM python:3.12\n".repeat(4)));
		assertThat(gitea.requests("/raw/")).extracting(FakeGitea.Request::target)
			.containsExactly("/api/v1/repos/acme/big/raw/Dockerfile?ref=main");
	}

	@Test
	void aSymlinkedPinIsReadAsWhatItLeadsToFromTheListingsTarget() {
		gitea.repo("acme", "linked").file("shared-pin", "0.3.11\n").symlink(".runtime-version", "shared-pin")
			.file("Dockerfile", "FROM x\n");
		RepoFiles files = TestForges.gitea(gitea, null, sleeper).readFiles(ref("linked"), PINS);
		// Gitea answers the link itself; the scan follows it to the file.
		assertThat(files.files()).containsOnly(entry(".runtime-version", "0.3.11\n"), entry("Dockerfile", "FROM x\n"));
		assertThat(files.topLevel()).contains(new TreeEntry(".runtime-version", TreeEntry.Type.SYMLINK));
		// The listing's target is the link's text: no batch entry and no raw read for it, one read of its target.
		assertThat(gitea.requests()).extracting(FakeGitea.Request::target)
			.containsExactly("/api/v1/repos/acme/linked/contents-ext/?ref=main",
					"/api/v1/repos/acme/linked/file-contents?ref=main&body=%7B%22files%22%3A%5B%22Dockerfile%22%5D%7D",
					"/api/v1/repos/acme/linked/contents/shared-pin?ref=main");
	}

	@Test
	void aLinkLongerThanGiteasTargetIsReadRawThenFollowed() {
		String target = "a/".repeat(600) + "pin";
		gitea.repo("acme", "long").file(target, "0.3.11\n").symlink(".runtime-version", target);
		RepoFiles files = TestForges.gitea(gitea, null, sleeper).readFiles(ref("long"), PINS);
		assertThat(files.files()).containsOnly(entry(".runtime-version", "0.3.11\n"));
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/long/contents-ext/", "/api/v1/repos/acme/long/file-contents",
					"/api/v1/repos/acme/long/raw/.runtime-version", "/api/v1/repos/acme/long/contents/" + target);
	}

	@Test
	void onAnOlderServerALinksTargetInTheListingAlsoSavesTheRead() {
		gitea.batchFileContents(false).repo("acme", "linked").file("shared-pin", "0.3.11\n")
			.symlink(".runtime-version", "shared-pin");
		assertThat(TestForges.gitea(gitea, null, sleeper).readFiles(ref("linked"), PINS).files())
			.containsOnly(entry(".runtime-version", "0.3.11\n"));
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/linked/contents-ext/", "/api/v1/repos/acme/linked/contents",
					"/api/v1/repos/acme/linked/contents/shared-pin");
	}

	@Test
	void base64WrappedInLinesIsDecoded() {
		String dockerfile = "FROM python:3.12-slim\nARG RUNTIME_VERSION=0.3.11\nRUN pip install "
				+ "molecule-ai-workspace-runtime==${RUNTIME_VERSION}\n# é ü ✓\n";
		gitea.wrapBase64(true).repo("acme", "app").file("Dockerfile", dockerfile);
		assertThat(TestForges.gitea(gitea, null, sleeper).readFiles(ref("app"), PINS).files())
			.containsOnly(entry("Dockerfile", dockerfile));
	}

	@Test
	void anEmptyRepoIsConfirmedByItsRootAndNotAskedForFiles() {
		gitea.repo("acme", "fresh").empty();
		RepoRef fresh = new RepoRef("acme", "fresh", "main", false, true, false);
		assertThat(TestForges.gitea(gitea, null, sleeper).readFiles(fresh, PINS)).isEqualTo(RepoFiles.empty());
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/fresh/contents-ext/", "/api/v1/repos/acme/fresh/contents");
	}

	@Test
	void anEmptyFlagThatTheRootContradictsIsAnError() {
		pinned("app");
		RepoRef claimedEmpty = new RepoRef("acme", "app", "main", false, true, false);
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).readFiles(claimedEmpty, PINS))
			.withMessageStartingWith("reading acme/app: the org listing says the repository is empty but its root lists");
	}

	@Test
	void aVanishedRepoIsAnErrorNotAClean() {
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).readFiles(ref("gone"), PINS))
			.withMessageStartingWith("reading acme/gone: GET /api/v1/repos/acme/gone/contents: HTTP 404");
	}

	@Test
	void readsOneFileFromTheDefaultBranch() {
		gitea.repo("acme", "runtime").defaultBranch("trunk").file("pyproject.toml", "[project]\nversion = \"0.3.1\"\n")
			.file("docs/a b+ü.md", "doc");
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		assertThat(forge.readFile("acme", "runtime", "pyproject.toml")).contains("[project]\nversion = \"0.3.1\"\n");
		assertThat(forge.readFile("acme", "runtime", "docs/a b+ü.md")).contains("doc");
		assertThat(forge.readFile("acme", "runtime", "docs")).isEmpty();
		assertThat(forge.readFile("acme", "runtime", "setup.py")).isEmpty();
		assertThat(gitea.requests().get(1).target())
			.isEqualTo("/api/v1/repos/acme/runtime/contents/docs/a%20b%2B%C3%BC.md");
	}

	private FakeGiteaRepo pinned(String name) {
		return gitea.repo("acme", name)
			.file(".runtime-version", "0.3.11\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.11\n")
			.file("requirements.txt", "ü==1\n");
	}

	private static RepoRef ref(String name) {
		return new RepoRef("acme", name, "main", false, false, false);
	}

	private static java.util.Map.Entry<String, String> entry(String key, String value) {
		return java.util.Map.entry(key, value);
	}
}
