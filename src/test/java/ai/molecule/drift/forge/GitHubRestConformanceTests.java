package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST request the job makes of GitHub (listing, file reads without GraphQL, tags and releases, the
 * tracking issue) is an operation of GitHub's published REST description, with only the query parameters
 * it declares and a body of its request body schema; the fake's answers, and the recorded answers of
 * {@link GitHubFixturesTests}, have the schema of their operation's response.
 */
class GitHubRestConformanceTests {

	private static final String REST_ROOT = "/api/v3";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static String json;

	private static OpenApiRequests description;

	private final FakeGitHub github = FakeGitHub.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@BeforeAll
	static void loadDescription() {
		json = ApiDescriptions.file(ApiDescriptions.GITHUB_REST_OPENAPI, "package/generated/api.github.com.json");
		description = new OpenApiRequests(json);
	}

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void everyRequestOfAScanAndOfThePublishingIsADocumentedOperation() {
		scanAndPublish();
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

	/**
	 * Every JSON answer of the fake is shaped as GitHub's description says for its operation and status
	 * (required properties, types, enums, nullability), and every request body as the operation's.
	 */
	@Test
	void everyAnswerAndRequestBodyHasTheDescribedSchema() {
		scanAndPublish();
		OpenApiExchanges exchanges = new OpenApiExchanges(json, REST_ROOT);
		assertThat(exchanges.violations(github.exchanges())).isEmpty();
		assertThat(exchanges.checked()).contains("GET /orgs/{org}/repos 200", "GET /repos/{owner}/{repo} 200",
				"GET /repos/{owner}/{repo}/contents/{path} 200", "GET /repos/{owner}/{repo}/tags 200",
				"GET /repos/{owner}/{repo}/releases 200", "GET /repos/{owner}/{repo}/issues 200",
				"POST /repos/{owner}/{repo}/issues 201", "PATCH /repos/{owner}/{repo}/issues/{issue_number} 200",
				"POST /repos/{owner}/{repo}/issues/{issue_number}/labels 200",
				"GET /repos/{owner}/{repo}/issues/{issue_number}/comments 200",
				"POST /repos/{owner}/{repo}/issues/{issue_number}/comments 201", "GET /repos/{owner}/{repo}/labels 200",
				"POST /repos/{owner}/{repo}/labels 201");
	}

	/**
	 * Every REST request of the bump proposals (a first one, a refreshed body, a newer target superseding it,
	 * a foreign branch, a refused write) is a documented operation with a body of its schema, and the fake's
	 * answers have the described schema.
	 */
	@Test
	void everyRequestAndAnswerOfTheBumpProposalsIsDocumented() {
		String name = "molecule-ai-workspace-template-x";
		github.repo("acme", name).file(".runtime-version", "0.3.20\n");
		github.repo("acme", "foreign").file(".runtime-version", "0.3.20\n").branch("bump/runtime-0.3.27");
		github.issues("acme", name).label("runtime-bump");
		RepoRef repo = new RepoRef("acme", name, "main", false, false, false);
		String prefix = "<!-- consumer-drift:bump ";
		java.util.function.BiFunction<String, String, BumpRequest> request = (target, text) -> new BumpRequest(
				"bump/runtime-" + target, "bump/runtime-", "Bump to " + target,
				text + "\n" + prefix + "target=" + target + " -->\n", prefix + "target=" + target + " -->", prefix,
				java.util.Map.of(".runtime-version", (target + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				List.of("runtime-bump"));
		BumpWriter bumps = TestForges.github(github, TestForges.TOKEN, sleeper).bumps(Clock.systemUTC());
		assertThat(bumps.propose(repo, request.apply("0.3.27", "a")).state()).isEqualTo("opened");
		assertThat(bumps.propose(repo, request.apply("0.3.27", "b")).state()).isEqualTo("updated");
		assertThat(bumps.propose(repo, request.apply("0.3.28", "a")).state()).isEqualTo("opened");
		assertThat(bumps.propose(new RepoRef("acme", "foreign", "main", false, false, false),
				request.apply("0.3.27", "a")).state()).isEqualTo("failed");
		github.readOnlyToken();
		assertThat(bumps.propose(repo, request.apply("0.3.29", "a")).state()).isEqualTo("failed");

		List<FakeGitea.Request> requests = github.requests().stream()
			.filter((r) -> r.path().startsWith(REST_ROOT))
			.toList();
		assertThat(requests).flatMap((r) -> description.violations(r.method(), r.target().substring(REST_ROOT.length())))
			.isEmpty();
		OpenApiExchanges exchanges = new OpenApiExchanges(json, REST_ROOT);
		assertThat(exchanges.violations(github.exchanges())).isEmpty();
		assertThat(exchanges.checked()).contains("GET /repos/{owner}/{repo}/pulls 200",
				"POST /repos/{owner}/{repo}/pulls 201", "PATCH /repos/{owner}/{repo}/pulls/{pull_number} 200",
				"GET /repos/{owner}/{repo}/git/ref/{ref} 200", "POST /repos/{owner}/{repo}/git/refs 201",
				"GET /repos/{owner}/{repo}/git/commits/{commit_sha} 200",
				"POST /repos/{owner}/{repo}/issues/{issue_number}/labels 200",
				"POST /repos/{owner}/{repo}/issues/{issue_number}/comments 201", "GET /repos/{owner}/{repo}/labels 200");
	}

	private void scanAndPublish() {
		IntStream.range(0, 120).forEach((i) -> github.repo("acme", "t-" + i).file(".runtime-version", "0.3.1\n"));
		github.repo("acme", "nested").file("docker/Dockerfile", "FROM x\n").dir("workspace");
		github.repo("acme", "runtime").file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n");
		github.tag("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-01T10:00:00Z"));
		github.release("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-02T10:00:00Z"), false, false);
		github.repo("acme", "tracker");
		github.issues("acme", "tracker").addPull("A pull request", "");

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

	/** The oracle of answers: a release without its {@code created_at}, a pull request without its links. */
	@Test
	void aWrongAnswerIsCaught() {
		OpenApiSchemas schemas = new OpenApiSchemas(json);
		FakeGitHubJson shapes = new FakeGitHubJson("http://127.0.0.1:1");
		FakeGiteaRepo repo = new FakeGiteaRepo(new Object(), "acme", "runtime", 1)
			.release("runtime-v0.3.1", Instant.parse("2026-05-02T10:00:00Z"), false, false);
		ObjectNode release = (ObjectNode) MAPPER.valueToTree(shapes.release(repo, repo.releases().get(0)));
		JsonNode releases = schemas.responseSchema("GET", "/repos/{owner}/{repo}/releases", 200);
		assertThat(schemas.violations(releases, MAPPER.createArrayNode().add(release))).isEmpty();
		release.remove("created_at");
		assertThat(schemas.violations(releases, MAPPER.createArrayNode().add(release)))
			.containsExactly("$[0]: required property created_at is missing");

		FakeIssues issues = new FakeIssues(new Object(), new AtomicLong());
		ObjectNode pull = (ObjectNode) MAPPER.valueToTree(shapes.issue("acme", "runtime", issues.addPull("p", ""),
				List.of()));
		JsonNode issueList = schemas.responseSchema("GET", "/repos/{owner}/{repo}/issues", 200);
		assertThat(schemas.violations(issueList, MAPPER.createArrayNode().add(pull))).isEmpty();
		((ObjectNode) pull.get("pull_request")).remove("diff_url");
		pull.put("state", 1);
		assertThat(schemas.violations(issueList, MAPPER.createArrayNode().add(pull))).containsExactlyInAnyOrder(
				"$[0].pull_request: required property diff_url is missing",
				"$[0].state: number where string is expected");
	}

	/** The recorded answers the client tests serve ({@code fixtures/github}) are shaped as GitHub documents them. */
	@Test
	void everyRecordedAnswerHasTheDescribedSchema() {
		OpenApiSchemas schemas = new OpenApiSchemas(json);
		List<String> violations = new ArrayList<>();
		GitHubFixturesTests.FIXTURES.forEach((recorded) -> {
			String fixture = recorded.getKey();
			String[] parts = recorded.getValue().split(" ");
			JsonNode schema = schemas.responseSchema(parts[0], parts[1], Integer.parseInt(parts[2]));
			schemas.violations(schema, MAPPER.readTree(FixtureServer.fixture(fixture)))
				.forEach((violation) -> violations.add(fixture + " " + violation));
		});
		assertThat(violations).isEmpty();
	}
}
