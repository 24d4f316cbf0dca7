package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link GiteaForge}'s org listing and repository lookup against a {@link FakeGitea}. */
class GiteaForgeReposTests {

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void listsEveryPageOfAnOrganisation() {
		addRepos(120);
		List<RepoRef> repos = TestForges.gitea(gitea, null, sleeper).listRepos("acme");
		assertThat(repos).extracting(RepoRef::name).containsExactlyElementsOf(names(0, 120));
		assertThat(repos).allSatisfy((repo) -> assertThat(repo.owner()).isEqualTo("acme"));
		// Pages 2 and 3 are fetched concurrently, so they may arrive in either order.
		assertThat(gitea.requests("/orgs/acme/repos")).extracting(FakeGitea.Request::target)
			.containsExactlyInAnyOrder("/api/v1/orgs/acme/repos?limit=50&page=1",
					"/api/v1/orgs/acme/repos?limit=50&page=2", "/api/v1/orgs/acme/repos?limit=50&page=3");
	}

	@Test
	void keepsReadingWhenTheServerClampsPagesBelowTheRequestedLimit() {
		gitea.pageSize(20);
		addRepos(45);
		assertThat(TestForges.gitea(gitea, null, sleeper).listRepos("acme")).extracting(RepoRef::name)
			.containsExactlyElementsOf(names(0, 45));
		assertThat(gitea.requests("/orgs/acme/repos")).hasSize(3);
	}

	@Test
	void shortPagesFromDroppedPrivateReposAreNotTheEnd() {
		gitea.requireToken(TestForges.TOKEN);
		addRepos(120);
		// The whole second page is private: anonymous callers get it empty, with a next link.
		IntStream.range(50, 100).forEach((i) -> gitea.repo("acme", name(i)).privateRepo());

		List<RepoRef> anonymous = TestForges.gitea(gitea, null, sleeper).listRepos("acme");
		assertThat(anonymous).hasSize(70).extracting(RepoRef::name).contains(name(0), name(49), name(100), name(119));
		assertThat(gitea.requests()).allSatisfy((request) -> assertThat(request.header("Authorization")).isNull());

		gitea.clearRequests();
		List<RepoRef> withToken = TestForges.gitea(gitea, TestForges.TOKEN, sleeper).listRepos("acme");
		assertThat(withToken).hasSize(120);
		assertThat(withToken.get(60).privateRepo()).isTrue();
		assertThat(gitea.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.header("Authorization"))
				.isEqualTo("token " + TestForges.TOKEN));
	}

	@Test
	void withoutLinkHeadersReadsUntilAnEmptyPage() {
		addRepos(120);
		gitea.header("/orgs/acme/repos", "Link", null);
		assertThat(TestForges.gitea(gitea, null, sleeper).listRepos("acme")).hasSize(120);
		assertThat(gitea.requests("/orgs/acme/repos")).extracting(FakeGitea.Request::target)
			.last()
			.isEqualTo("/api/v1/orgs/acme/repos?limit=50&page=4");
	}

	@Test
	@Timeout(10)
	void aServerIgnoringThePageNumberIsAnErrorNotALoop() {
		addRepos(60);
		gitea.header("/orgs/acme/repos", "Link", null);
		gitea.redirect("/orgs/acme/repos.*page=2", "/api/v1/orgs/acme/repos?limit=50&page=1");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).listRepos("acme"))
			.withMessage("GET /api/v1/orgs/acme/repos: page 2 holds only items already read; "
					+ "the server seems to ignore the page parameter");
	}

	@Test
	void dropsItemsRepeatedByOverlappingPages() {
		addRepos(120);
		// A next link with another page size makes page 2 overlap page 1.
		gitea.header("/orgs/acme/repos.*limit=50&page=1", "Link",
				"<" + gitea.baseUrl() + "/api/v1/orgs/acme/repos?limit=40&page=2>; rel=\"next\"");
		assertThat(TestForges.gitea(gitea, null, sleeper).listRepos("acme")).extracting(RepoRef::name)
			.containsExactlyElementsOf(names(0, 120));
	}

	@Test
	@Timeout(10)
	void aNextLinkBackToAReadPageIsAnErrorNotALoop() {
		addRepos(120);
		gitea.header("/orgs/acme/repos.*page=2", "Link",
				"<" + gitea.baseUrl() + "/api/v1/orgs/acme/repos?limit=50&page=1>; rel=\"next\"");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).listRepos("acme"))
			.withMessageContaining("GET /api/v1/orgs/acme/repos")
			.withMessageContaining("a page already read");
		// Bounded: each of the 3 announced pages is requested once (pages 2 and 3 ahead, concurrently).
		assertThat(gitea.requests()).extracting(FakeGitea.Request::target).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
	}

	@Test
	@Timeout(30)
	void theAnnouncedPagesAreRequestedConcurrentlyAndReadOnce() throws Exception {
		addRepos(260);
		gitea.delay("/orgs/acme/repos.*page=2$", Duration.ofSeconds(4), 1);

		CompletableFuture<List<RepoRef>> listing = CompletableFuture
			.supplyAsync(() -> TestForges.gitea(gitea, null, sleeper).listRepos("acme"));
		// Read one page at a time, page 6 could only be asked for after page 2's answer, 4 s away
		// (under the 5 s request timeout, so page 2 is not retried).
		long deadline = System.nanoTime() + Duration.ofMillis(2500).toNanos();
		while (gitea.requests("page=6").isEmpty()) {
			assertThat(System.nanoTime()).as("page 6 requested while page 2 is pending").isLessThan(deadline);
			Thread.sleep(10);
		}

		assertThat(listing.get()).hasSize(260).extracting(RepoRef::name).doesNotHaveDuplicates();
		assertThat(gitea.requests("/orgs/acme/repos")).extracting(FakeGitea.Request::target)
			.doesNotHaveDuplicates()
			.hasSize(6);
	}

	@Test
	void anUnknownOrganisationIsAnError() {
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).listRepos("nope"))
			.withMessageStartingWith("organisation nope not found on 127.0.0.1:" + gitea.baseUrl().getPort());
	}

	@Test
	void findsOneRepositoryWithItsFlags() {
		gitea.requireToken(TestForges.TOKEN);
		gitea.repo("acme", "old").archived().defaultBranch("trunk").file("README.md", "hi");
		gitea.repo("acme", "secret").privateRepo();
		gitea.repo("acme", "fresh").empty();
		GiteaForge anonymous = TestForges.gitea(gitea, null, sleeper);
		GiteaForge member = TestForges.gitea(gitea, TestForges.TOKEN, sleeper);

		assertThat(anonymous.findRepo("acme", "old")).contains(new RepoRef("acme", "old", "trunk", true, false, false));
		assertThat(anonymous.findRepo("acme", "fresh")).hasValueSatisfying((repo) -> assertThat(repo.empty()).isTrue());
		assertThat(anonymous.findRepo("acme", "missing")).isEmpty();
		assertThat(anonymous.findRepo("acme", "secret")).isEmpty();
		assertThat(member.findRepo("acme", "secret")).map(RepoRef::privateRepo).contains(true);
	}

	@Test
	void aBaseUrlEndingInApiV1IsAccepted() {
		gitea.repo("acme", "app");
		for (String suffix : List.of("/api/v1", "/api/v1/", "/")) {
			GiteaForge forge = new GiteaForge(TestForges.settings(java.net.URI.create(gitea.baseUrl() + suffix), null),
					TestForges.mapper(), sleeper);
			assertThat(forge.findRepo("acme", "app")).as(suffix).isPresent();
		}
		assertThat(gitea.requests()).extracting(FakeGitea.Request::target).containsOnly("/api/v1/repos/acme/app");
	}

	@Test
	void namesAreEncodedAsPathSegments() {
		gitea.repo("ac me", "a+b ü");
		Optional<RepoRef> repo = TestForges.gitea(gitea, null, sleeper).findRepo("ac me", "a+b ü");
		assertThat(repo).map(RepoRef::name).contains("a+b ü");
		assertThat(gitea.requests().get(0).target()).isEqualTo("/api/v1/repos/ac%20me/a%2Bb%20%C3%BC");
	}

	private void addRepos(int count) {
		IntStream.range(0, count).forEach((i) -> gitea.repo("acme", name(i)));
	}

	private static List<String> names(int from, int to) {
		return IntStream.range(from, to).mapToObj(GiteaForgeReposTests::name).toList();
	}

	private static String name(int i) {
		return String.format("molecule-ai-workspace-template-%03d", i);
	}
}
