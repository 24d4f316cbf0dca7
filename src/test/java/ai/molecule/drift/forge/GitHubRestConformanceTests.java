package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST request the job makes of GitHub (listing, file reads without GraphQL, tags and releases, the
 * tracking issue) is an operation of GitHub's published REST description, with only the query parameters
 * it declares. Request bodies are not checked here.
 */
class GitHubRestConformanceTests {

	private static final String REST_ROOT = "/api/v3";

	private static OpenApiRequests description;

	private final FakeGitHub github = FakeGitHub.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@BeforeAll
	static void loadDescription() {
		description = new OpenApiRequests(
				ApiDescriptions.file(ApiDescriptions.GITHUB_REST_OPENAPI, "package/generated/api.github.com.json"));
	}

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void everyRequestOfAScanAndOfThePublishingIsADocumentedOperation() {
		IntStream.range(0, 120).forEach((i) -> github.repo("acme", "t-" + i).file(".runtime-version", "0.3.1\n"));
		github.repo("acme", "nested").file("docker/Dockerfile", "FROM x\n").dir("workspace");
		github.repo("acme", "runtime").file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n");
		github.tag("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-01T10:00:00Z"));
		github.release("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-02T10:00:00Z"), false, false);
		github.repo("acme", "tracker");

		GitHubForge withoutToken = TestForges.github(github, null, sleeper);
		withoutToken.listRepos("acme");
		withoutToken.readFiles(new RepoRef("acme", "nested", "main", false, false, false),
				Set.of(".runtime-version", "docker/Dockerfile", "workspace"));
		withoutToken.listReleaseTags("acme", "runtime");
		withoutToken.readFile("acme", "runtime", "pyproject.toml");
		withoutToken.findRepo("acme", "runtime");
		TestForges.github(github, TestForges.TOKEN, sleeper).listReleaseTags("acme", "runtime");

		GitHubIssueTracker tracker = new GitHubIssueTracker(TestForges.settings(github.baseUrl(), TestForges.TOKEN),
				GitHubProperties.defaults(), TestForges.mapper(), sleeper, Clock.systemUTC());
		IssueTracker.Label label = tracker.createLabel("acme", "tracker", "consumer-drift", "d73a4a");
		tracker.labels("acme", "tracker");
		IssueTracker.Issue issue = tracker.create("acme", "tracker", "Consumer drift", "body", List.of(label));
		tracker.issues("acme", "tracker", IssueTracker.State.OPEN);
		tracker.edit("acme", "tracker", issue.number(), "new body", IssueTracker.State.CLOSED);
		tracker.addLabels("acme", "tracker", issue.number(), List.of(label));
		tracker.comment("acme", "tracker", issue.number(), "a comment");
		tracker.comments("acme", "tracker", issue.number());

		// The fake serves at an Enterprise Server's root (/api/v3, /api/graphql); the description's paths start
		// at api.github.com's.
		List<FakeGitea.Request> requests = github.requests().stream()
			.filter((request) -> request.path().startsWith(REST_ROOT))
			.toList();
		assertThat(requests).hasSizeGreaterThan(10);
		assertThat(requests).flatMap((request) -> description.violations(request.method(),
				request.target().substring(REST_ROOT.length())))
			.isEmpty();
	}

	/** The oracle itself: an undocumented parameter, path or method is caught. */
	@Test
	void aWrongRequestIsCaught() {
		assertThat(description.violations("GET", "/orgs/acme/repos?per_page=100&page=2")).isEmpty();
		assertThat(description.violations("GET", "/orgs/acme/repos?perpage=100")).singleElement()
			.asString()
			.contains("undeclared query parameter perpage");
		assertThat(description.violations("GET", "/orgs/acme/repositories")).isNotEmpty();
		assertThat(description.violations("DELETE", "/repos/acme/runtime/tags")).isNotEmpty();
	}
}
