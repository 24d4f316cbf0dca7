package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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
}
