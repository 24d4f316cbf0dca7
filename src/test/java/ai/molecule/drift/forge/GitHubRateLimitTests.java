package ai.molecule.drift.forge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** GitHub's rate limits: waits as GitHub asks (never really sleeping here), and a ceiling after which the run stops. */
class GitHubRateLimitTests {

	private final FakeGitHub github = FakeGitHub.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void waitsForThePrimaryLimitToResetThenCarriesOn() {
		github.repo("acme", "app");
		github.primaryRateLimit("GET /api/v3/orgs/acme/repos", 1, Duration.ofSeconds(30));

		List<RepoRef> repos = TestForges.github(github, null, sleeper).listRepos("acme");

		assertThat(repos).extracting(RepoRef::name).containsExactly("app");
		assertThat(sleeper.waits()).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(32)));
		assertThat(github.requests("orgs/acme/repos")).hasSize(2);
	}

	@Test
	void honoursRetryAfterOnASecondaryLimit() {
		github.repo("acme", "app");
		github.secondaryRateLimit("GET /api/v3/orgs/acme/repos", 2, Duration.ofSeconds(7));

		TestForges.github(github, null, sleeper).listRepos("acme");

		assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
	}

	@Test
	void aLimitThatResetsTooLateStopsTheRunSayingSo() {
		github.primaryRateLimit("GET /api/v3/orgs/acme/repos", 1, Duration.ofMinutes(40));

		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.github(github, null, sleeper).listRepos("acme"))
			.withMessageStartingWith("GET /api/v3/orgs/acme/repos: GitHub's primary rate limit (core) was hit "
					+ "(x-ratelimit-remaining 0, resets at ")
			.withMessageContaining("would exceed the 900 s allowed (drift.forge.github.max-rate-limit-wait)");
		assertThat(sleeper.waits()).isEmpty();
	}

	@Test
	void theGraphQlLimitArrivesWithHttp200AndIsWaitedOutToo() {
		github.requireToken(TestForges.TOKEN);
		github.repo("acme", "app").file(".runtime-version", "0.3.1\n");
		github.primaryRateLimit("POST /api/graphql", 1, Duration.ofSeconds(20));
		GitHubForge forge = TestForges.github(github, TestForges.TOKEN, sleeper);
		RepoRef app = new RepoRef("acme", "app", "main", false, false, false);

		assertThat(forge.readFiles(app, Set.of(".runtime-version")).files()).containsEntry(".runtime-version", "0.3.1\n");
		assertThat(sleeper.waits()).hasSize(1);
		assertThat(github.requests("graphql")).hasSize(2);
	}

	@Test
	void aSecondaryGraphQlLimitWithHttp200IsWaitedOutAsAskedAndTheSameBatchSentAgain() {
		List<RepoRef> repos = pinned(3);
		github.graphqlSecondaryRateLimit(2, Duration.ofSeconds(7));
		GitHubForge forge = TestForges.github(github, TestForges.TOKEN, sleeper);

		forge.readAhead(repos, Set.of(".runtime-version"));

		assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
		// No repository read alone while limited: the same request three times (two limited), the batch answered once.
		assertThat(github.requests("POST /api/graphql")).hasSize(3);
		assertThat(github.graphqlBatches()).containsExactly(List.of("t-0", "t-1", "t-2"));
		repos.forEach((repo) -> assertThat(forge.readFiles(repo, Set.of(".runtime-version")).files())
			.containsKey(".runtime-version"));
		assertThat(github.requests()).hasSize(3);
	}

	@Test
	void withoutRetryAfterASecondaryGraphQlLimitWaitsAMinuteThenDoubles() {
		List<RepoRef> repos = pinned(2);
		github.graphqlSecondaryRateLimit(2, null);

		TestForges.github(github, TestForges.TOKEN, sleeper).readAhead(repos, Set.of(".runtime-version"));

		assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
		assertThat(github.requests("graphql")).hasSize(3);
	}

	@Test
	void aGraphQlLimitLongerThanAllowedStopsTheRunInsteadOfReadingOneByOne() {
		List<RepoRef> repos = pinned(3);
		github.graphqlSecondaryRateLimit(1, Duration.ofHours(1));
		GitHubForge forge = TestForges.github(github, TestForges.TOKEN, sleeper);

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> forge.readAhead(repos, Set.of(".runtime-version")))
			.withMessage("POST /api/graphql: GitHub's secondary rate limit was hit (GraphQL RATE_LIMITED with HTTP "
					+ "200, retry-after 3600 s); waiting 3600 s more would exceed the 900 s allowed "
					+ "(drift.forge.github.max-rate-limit-wait), so the run stops here");
		assertThat(sleeper.waits()).isEmpty();
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void theTagsQueryWaitsForASecondaryGraphQlLimitToo() {
		github.requireToken(TestForges.TOKEN);
		github.tag("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-01-01T00:00:00Z"));
		github.graphqlSecondaryRateLimit(1, null);

		assertThat(TestForges.github(github, TestForges.TOKEN, sleeper).listReleaseTags("acme", "runtime"))
			.hasSize(1);
		assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));
		assertThat(github.requests("graphql")).hasSize(2);
	}

	@Test
	void aFileThatSpeaksOfRateLimitsIsNoRateLimit() {
		github.requireToken(TestForges.TOKEN);
		github.repo("acme", "t-0").file(".runtime-version", "{\"errors\": [{\"type\": \"RATE_LIMITED\", "
				+ "\"message\": \"You have exceeded a secondary rate limit\"}]}");

		TestForges.github(github, TestForges.TOKEN, sleeper)
			.readAhead(List.of(new RepoRef("acme", "t-0", "main", false, false, false)), Set.of(".runtime-version"));

		assertThat(sleeper.waits()).isEmpty();
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void aForbiddenAnswerWithoutRateLimitIsNoReasonToWait() {
		github.failAlways("GET /api/v3/orgs/acme/repos", 403);

		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.github(github, null, sleeper).listRepos("acme"))
			.withMessage("GET /api/v3/orgs/acme/repos: HTTP 403 (the token lacks access to this resource)");
		assertThat(sleeper.waits()).isEmpty();
	}

	@Test
	void aWrongTokenIsReportedWithoutEchoingIt() {
		github.requireToken(TestForges.TOKEN);

		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.github(github, "wrong-" + TestForges.TOKEN, sleeper).listRepos("acme"))
			.withMessage("GET /api/v3/orgs/acme/repos: HTTP 401 (the token is missing, invalid or expired)");
	}

	@Test
	void writesAreKeptASecondApartAsGitHubAsks() {
		github.requireToken(TestForges.TOKEN);
		github.repo("acme", "tracker");
		GitHubIssueTracker tracker = new GitHubIssueTracker(TestForges.settings(github.baseUrl(), TestForges.TOKEN),
				GitHubProperties.defaults(), TestForges.mapper(), sleeper, java.time.Clock.systemUTC());

		IssueTracker.Issue issue = tracker.create("acme", "tracker", "t", "body", List.of());
		tracker.comment("acme", "tracker", issue.number(), "more");
		tracker.issues("acme", "tracker", IssueTracker.State.OPEN);

		assertThat(sleeper.waits()).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
	}

	private List<RepoRef> pinned(int count) {
		github.requireToken(TestForges.TOKEN);
		return IntStream.range(0, count).mapToObj((i) -> {
			github.repo("acme", "t-" + i).file(".runtime-version", "0.3." + i + "\n");
			return new RepoRef("acme", "t-" + i, "main", false, false, false);
		}).toList();
	}
}
