package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GiteaForge} reaching Gitea by another address than its {@code ROOT_URL} (an in-cluster service):
 * Gitea's paging links name the public URL, and the listing pages on by number on the configured origin.
 */
class GiteaForgePublicUrlTests {

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void linksToThePublicUrlArePagedOnTheConfiguredOriginWithTheToken() {
		try (FakeGitea elsewhere = FakeGitea.start()) {
			addRepos(120);
			gitea.requireToken(TestForges.TOKEN).linkBase(elsewhere.baseUrl());
			List<RepoRef> repos = TestForges.gitea(gitea, TestForges.TOKEN, sleeper).listRepos("acme");
			assertThat(repos).hasSize(120).extracting(RepoRef::name).doesNotHaveDuplicates();
			assertThat(elsewhere.requests()).isEmpty();
			// Pages 2 and 3 are fetched ahead once rel="last" names page 3, by number on the configured origin.
			assertThat(gitea.requests()).extracting(FakeGitea.Request::target)
				.containsExactlyInAnyOrder("/api/v1/orgs/acme/repos?limit=50&page=1",
						"/api/v1/orgs/acme/repos?limit=50&page=2", "/api/v1/orgs/acme/repos?limit=50&page=3");
			assertThat(gitea.requests()).allSatisfy((request) -> assertThat(request.header("Authorization"))
				.isEqualTo("token " + TestForges.TOKEN));
		}
	}

	@Test
	void aRootUrlWithASubPathDoesNotLeakIntoTheRequests() {
		// ROOT_URL https://git.example.com/gitea/ while the job talks to the service at its root.
		addRepos(75);
		gitea.linkBase(URI.create("https://git.example.com/gitea/"));
		assertThat(TestForges.gitea(gitea, null, sleeper).listRepos("acme")).hasSize(75);
		assertThat(gitea.requests()).extracting(FakeGitea.Request::target)
			.containsExactly("/api/v1/orgs/acme/repos?limit=50&page=1", "/api/v1/orgs/acme/repos?limit=50&page=2");
	}

	@Test
	void theReleaseListIsPagedLikeTheOrgListing() {
		gitea.linkBase(URI.create("https://git.example.com"));
		IntStream.range(0, 60).forEach((i) -> gitea.release("acme", "runtime", "runtime-v0.3." + i,
				Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), false, false));
		gitea.repo("acme", "runtime");
		assertThat(TestForges.gitea(gitea, null, sleeper).listReleaseTags("acme", "runtime")).hasSize(60);
	}

	@Test
	@Timeout(10)
	void aPublicUrlLinkBackToAReadPageIsStillAnError() {
		addRepos(120);
		gitea.linkBase(URI.create("https://git.example.com"));
		gitea.header("/orgs/acme/repos.*page=2", "Link",
				"<https://git.example.com/api/v1/orgs/acme/repos?limit=50&page=1>; rel=\"next\"");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).listRepos("acme"))
			.withMessageContaining("a page already read");
		assertThat(gitea.requests()).extracting(FakeGitea.Request::target).doesNotHaveDuplicates();
	}

	@Test
	void aLinkToAnotherHostWithoutAPageNumberIsRefused() {
		try (FakeGitea elsewhere = FakeGitea.start()) {
			addRepos(60);
			gitea.requireToken(TestForges.TOKEN);
			gitea.header("/orgs/acme/repos.*page=1", "Link",
					"<" + elsewhere.baseUrl() + "/api/v1/orgs/acme/repos?cursor=abc>; rel=\"next\"");
			assertThatExceptionOfType(ForgeException.class)
				.isThrownBy(() -> TestForges.gitea(gitea, TestForges.TOKEN, sleeper).listRepos("acme"))
				.withMessageContaining("points to another host (127.0.0.1:" + elsewhere.baseUrl().getPort() + ",")
				.withMessageContaining("names no page number")
				.withMessageNotContaining(TestForges.TOKEN);
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	private void addRepos(int count) {
		IntStream.range(0, count).forEach((i) -> gitea.repo("acme", String.format("molecule-ai-workspace-template-%03d", i)));
	}
}
