package ai.molecule.drift.forge;

import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which of Gitea's newer endpoints ({@code contents-ext}, {@code file-contents}) {@link GiteaForge} uses, and
 * what a root listing costs the server: a 404 from one repository never turns an endpoint off for the run.
 */
class GiteaCapabilityTests {

	private static final Set<String> PINS = Set.of(".runtime-version", "Dockerfile", "requirements.txt");

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void aRepositoryThatVanishesAfterItsListingDoesNotTurnTheBatchOff() {
		pinned("gone");
		pinned("next");
		// Listed, then gone: every read of its files answers Gitea's 404.
		gitea.failAlways("/repos/acme/gone/(file-contents|contents/)", 404);
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(ref("gone"), PINS))
			.withMessageContaining("is listed as a file but reading it answered 404");

		assertThat(forge.readFiles(ref("next"), PINS).files()).hasSize(3);
		assertThat(gitea.requests("/repos/acme/next/")).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/next/contents-ext/", "/api/v1/repos/acme/next/file-contents");
	}

	@Test
	void aVanishedRepositoryOrBranchDoesNotTurnContentsExtOff() {
		pinned("next");
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(ref("gone"), PINS))
			.withMessage("reading acme/gone: GET /api/v1/repos/acme/gone/contents: HTTP 404 for the root of a "
					+ "non-empty repository (it vanished or is not readable)");
		RepoRef staleBranch = new RepoRef("acme", "next", "deleted-branch", false, false, false);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(staleBranch, PINS))
			.withMessageContaining("HTTP 404 for the root");

		gitea.clearRequests();
		assertThat(forge.readFiles(ref("next"), PINS).files()).hasSize(3);
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/next/contents-ext/", "/api/v1/repos/acme/next/file-contents");
	}

	@Test
	void anOlderServerIsLearntOnceARepositoryAnswersTheOlderWay() {
		gitea.batchFileContents(false);
		pinned("a");
		pinned("b");
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		forge.readFiles(ref("a"), PINS);
		gitea.clearRequests();
		assertThat(forge.readFiles(ref("b"), PINS).files()).hasSize(3);
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/b/contents", "/api/v1/repos/acme/b/contents/.runtime-version",
					"/api/v1/repos/acme/b/contents/Dockerfile", "/api/v1/repos/acme/b/contents/requirements.txt");
	}

	@Test
	void aServerWithTheBatchButWithoutContentsExtListsWithContents() {
		gitea.contentsExt(false);
		pinned("a");
		pinned("b");
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		forge.readFiles(ref("a"), PINS);
		gitea.clearRequests();
		forge.readFiles(ref("b"), PINS);
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/b/contents", "/api/v1/repos/acme/b/file-contents");
	}

	@Test
	void theRootListingCostsNoLastCommitLookupWhereContentsExtExists() {
		FakeGiteaRepo repo = gitea.repo("acme", "wide");
		IntStream.range(0, 20).forEach((i) -> repo.file("file-" + i, "x"));
		TestForges.gitea(gitea, null, sleeper).readFiles(ref("wide"), PINS);
		assertThat(gitea.commitLookups()).isZero();

		gitea.contentsExt(false);
		TestForges.gitea(gitea, null, sleeper).readFiles(ref("wide"), PINS);
		// contents looks up the last commit of every entry it lists.
		assertThat(gitea.commitLookups()).isEqualTo(20);
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/wide/contents-ext/", "/api/v1/repos/acme/wide/contents-ext/",
					"/api/v1/repos/acme/wide/contents");
	}

	private FakeGiteaRepo pinned(String name) {
		return gitea.repo("acme", name)
			.file(".runtime-version", "0.3.11\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.11\n")
			.file("requirements.txt", "x==1\n");
	}

	private static RepoRef ref(String name) {
		return new RepoRef("acme", name, "main", false, false, false);
	}
}
