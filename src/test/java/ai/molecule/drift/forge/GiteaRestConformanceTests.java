package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST request the job makes of Gitea (listing, file reads with and without the batch
 * {@code file-contents} endpoint, raw reads, tags and releases, the tracking issue) is an operation of
 * Gitea's own swagger (1.25.3), with only the query parameters it declares and a body of its body
 * parameter's schema; the fake's answers, and the recorded answers of {@link GiteaFixturesTests}, have the
 * schema of their operation's response. The swagger is committed trimmed ({@code gitea-swagger-v1.trimmed.json},
 * see the NOTICE beside it).
 */
class GiteaRestConformanceTests {

	private static final String API_ROOT = "/api/v1";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String DESCRIPTION = "gitea-swagger-v1.trimmed.json";

	/** The operations the job uses. */
	private static final List<String> OPERATIONS = List.of("GET /orgs/{org}/repos", "GET /repos/{owner}/{repo}",
			"GET /repos/{owner}/{repo}/contents", "GET /repos/{owner}/{repo}/contents-ext/{filepath}",
			"GET /repos/{owner}/{repo}/contents/{filepath}",
			"GET /repos/{owner}/{repo}/file-contents", "GET /repos/{owner}/{repo}/raw/{filepath}",
			"GET /repos/{owner}/{repo}/tags", "GET /repos/{owner}/{repo}/releases",
			"GET /repos/{owner}/{repo}/issues", "POST /repos/{owner}/{repo}/issues",
			"PATCH /repos/{owner}/{repo}/issues/{index}", "POST /repos/{owner}/{repo}/issues/{index}/labels",
			"GET /repos/{owner}/{repo}/issues/{index}/comments",
			"POST /repos/{owner}/{repo}/issues/{index}/comments", "GET /repos/{owner}/{repo}/labels",
			"POST /repos/{owner}/{repo}/labels", "GET /orgs/{org}/labels");

	private static String json;

	private static OpenApiRequests description;

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@BeforeAll
	static void loadDescription() {
		try (InputStream in = GiteaRestConformanceTests.class.getResourceAsStream(DESCRIPTION)) {
			assertThat(in).as(DESCRIPTION + " on the test class path").isNotNull();
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			description = new OpenApiRequests(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void everyRequestOfAScanAndOfThePublishingIsADocumentedOperation() {
		scanAndPublish();
		List<FakeGitea.Request> requests = gitea.requests();
		assertThat(requests).allSatisfy((request) -> assertThat(request.path()).startsWith(API_ROOT + "/"));
		// Each operation the job uses was exercised, so that none escapes the check.
		assertThat(requests.stream().map((request) -> request.method() + " " + operation(request))
			.collect(Collectors.toSet())).containsAll(OPERATIONS);
		assertThat(requests).flatMap((request) -> description.violations(request.method(),
				request.target().substring(API_ROOT.length())))
			.isEmpty();
	}

	/**
	 * Every JSON answer of the fake is shaped as Gitea's description says for its operation and status, and
	 * every request body as the operation's body parameter.
	 */
	@Test
	void everyAnswerAndRequestBodyHasTheDescribedSchema() {
		scanAndPublish();
		// The operation's summary: "... of an entry in a repository, or a list of entries if a dir".
		OpenApiExchanges exchanges = new OpenApiExchanges(json, API_ROOT).alsoAnswering(
				"GET /repos/{owner}/{repo}/contents/{filepath}", "#/responses/ContentsListResponse");
		assertThat(exchanges.violations(gitea.exchanges())).isEmpty();
		assertThat(exchanges.checked()).contains("GET /orgs/{org}/repos 200", "GET /repos/{owner}/{repo} 200",
				"GET /repos/{owner}/{repo}/contents 200", "GET /repos/{owner}/{repo}/contents-ext/{filepath} 200",
				"GET /repos/{owner}/{repo}/contents/{filepath} 200", "GET /repos/{owner}/{repo}/file-contents 200",
				"GET /repos/{owner}/{repo}/tags 200", "GET /repos/{owner}/{repo}/releases 200",
				"GET /repos/{owner}/{repo}/issues 200", "POST /repos/{owner}/{repo}/issues 201",
				"PATCH /repos/{owner}/{repo}/issues/{index} 201", "POST /repos/{owner}/{repo}/issues/{index}/labels 200",
				"GET /repos/{owner}/{repo}/issues/{index}/comments 200",
				"POST /repos/{owner}/{repo}/issues/{index}/comments 201", "GET /repos/{owner}/{repo}/labels 200",
				"POST /repos/{owner}/{repo}/labels 201", "GET /orgs/{org}/labels 200");
	}

	/** The operations of the bump proposals, checked on their own (the recorded fixtures predate them). */
	private static final List<String> BUMP_OPERATIONS = List.of("GET /repos/{owner}/{repo}/pulls",
			"POST /repos/{owner}/{repo}/pulls", "PATCH /repos/{owner}/{repo}/pulls/{index}",
			"POST /repos/{owner}/{repo}/contents", "GET /repos/{owner}/{repo}/contents",
			"GET /repos/{owner}/{repo}/branches/{branch}", "GET /repos/{owner}/{repo}/labels", "GET /orgs/{org}/labels",
			"POST /repos/{owner}/{repo}/issues/{index}/comments");

	/**
	 * Every request of the bump proposals (a first one, a refreshed body, a newer target superseding it, a
	 * foreign branch, a refused write) is a documented operation, with a body of its schema, and the fake's
	 * answers have the described schema.
	 */
	@Test
	void everyRequestAndAnswerOfTheBumpProposalsIsDocumented() {
		String name = "molecule-ai-workspace-template-x";
		gitea.repo("acme", name).file(".runtime-version", "0.3.20\n").file("Dockerfile", "ARG RUNTIME_VERSION=0.3.20\n");
		gitea.repo("acme", "foreign").file(".runtime-version", "0.3.20\n").branch("bump/runtime-0.3.27");
		gitea.issues("acme", null).label("runtime-bump");
		RepoRef repo = new RepoRef("acme", name, "main", false, false, false);
		String prefix = "<!-- consumer-drift:bump ";
		java.util.function.BiFunction<String, String, BumpRequest> request = (target, text) -> new BumpRequest(
				"bump/runtime-" + target, "bump/runtime-", "Bump to " + target,
				text + "\n" + prefix + "target=" + target + " -->\n", prefix + "target=" + target + " -->", prefix,
				Map.of(".runtime-version", (target + "\n").getBytes(StandardCharsets.UTF_8)), List.of("runtime-bump"));
		BumpWriter bumps = TestForges.gitea(gitea, TestForges.TOKEN, sleeper).bumps(java.time.Clock.systemUTC());
		assertThat(bumps.propose(repo, request.apply("0.3.27", "a")).state()).isEqualTo("opened");
		assertThat(bumps.propose(repo, request.apply("0.3.27", "b")).state()).isEqualTo("updated");
		assertThat(bumps.propose(repo, request.apply("0.3.28", "a")).state()).isEqualTo("opened");
		assertThat(bumps.propose(new RepoRef("acme", "foreign", "main", false, false, false),
				request.apply("0.3.27", "a")).state()).isEqualTo("failed");
		gitea.readOnlyToken();
		assertThat(bumps.propose(repo, request.apply("0.3.29", "a")).state()).isEqualTo("failed");

		List<FakeGitea.Request> requests = gitea.requests();
		assertThat(requests.stream().map((r) -> r.method() + " " + operation(r)).collect(Collectors.toSet()))
			.containsAll(BUMP_OPERATIONS);
		assertThat(requests).flatMap((r) -> description.violations(r.method(), r.target().substring(API_ROOT.length())))
			.isEmpty();
		OpenApiExchanges exchanges = new OpenApiExchanges(json, API_ROOT);
		assertThat(exchanges.violations(gitea.exchanges())).isEmpty();
		assertThat(exchanges.checked()).contains("GET /repos/{owner}/{repo}/pulls 200",
				"POST /repos/{owner}/{repo}/pulls 201", "PATCH /repos/{owner}/{repo}/pulls/{index} 201",
				"POST /repos/{owner}/{repo}/contents 201", "GET /repos/{owner}/{repo}/branches/{branch} 200");
	}

	private void scanAndPublish() {
		IntStream.range(0, 120).forEach((i) -> gitea.repo("acme", "t-" + i).file(".runtime-version", "0.3.1\n"));
		gitea.maxBlobSize(64);
		gitea.repo("acme", "nested")
			.file(".runtime-version", "0.3.1\n")
			.file("Dockerfile", "FROM python:3.12\n".repeat(8))
			.file("docker/Dockerfile", "FROM x\n")
			.dir("workspace");
		gitea.repo("acme", "runtime").file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n")
			.file("docs/a b+ü.md", "doc\n");
		gitea.tag("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-01T10:00:00Z"));
		gitea.release("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-02T10:00:00Z"), false, false);
		gitea.repo("acme", "tracker");
		gitea.issues("acme", null).label("org-wide");
		Set<String> pins = Set.of(".runtime-version", "Dockerfile", "workspace");
		RepoRef nested = new RepoRef("acme", "nested", "main", false, false, false);

		// Gitea 1.24+: one batch request per repository, and a raw read for a file over the blob limit.
		GiteaForge forge = TestForges.gitea(gitea, null, sleeper);
		assertThat(forge.listRepos("acme")).hasSizeGreaterThan(100);
		assertThat(forge.readFiles(nested, pins).files()).containsKeys(".runtime-version", "Dockerfile");
		assertThat(forge.readFile("acme", "runtime", "pyproject.toml")).isPresent();
		assertThat(forge.readFile("acme", "runtime", "docs/a b+ü.md")).contains("doc\n");
		assertThat(forge.findRepo("acme", "runtime")).isPresent();
		assertThat(forge.listReleaseTags("acme", "runtime")).hasSize(1);
		TestForges.gitea(gitea, TestForges.TOKEN, sleeper).listReleaseTags("acme", "runtime");

		// Before 1.24: contents-ext and the batch endpoint are probed (404), then contents is used.
		gitea.batchFileContents(false);
		assertThat(TestForges.gitea(gitea, null, sleeper).readFiles(nested, pins).files())
			.containsKeys(".runtime-version", "Dockerfile");

		GiteaIssueTracker tracker = new GiteaIssueTracker(TestForges.settings(gitea.baseUrl(), TestForges.TOKEN),
				TestForges.mapper(), sleeper);
		IssueTracker.Label label = tracker.createLabel("acme", "tracker", "consumer-drift", "d73a4a");
		assertThat(tracker.labels("acme", "tracker")).hasSize(2);
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
		assertThat(description.violations("GET", "/orgs/acme/repos?limit=50&page=2")).isEmpty();
		assertThat(description.violations("GET", "/repos/acme/app/contents/docker/Dockerfile?ref=main")).isEmpty();
		assertThat(description.violations("GET", "/orgs/acme/repos?per_page=50")).singleElement()
			.asString()
			.contains("undeclared query parameter per_page");
		assertThat(description.violations("GET", "/repos/acme/app/tags?limit=50&sort=newest")).singleElement()
			.asString()
			.contains("undeclared query parameter sort");
		assertThat(description.violations("GET", "/orgs/acme/repositories")).isNotEmpty();
		assertThat(description.violations("GET", "/repos/acme/app/contents/")).isNotEmpty();
		// contents-ext documents the empty file path as the root.
		assertThat(description.violations("GET", "/repos/acme/app/contents-ext/?ref=main")).isEmpty();
		assertThat(description.violations("GET", "/repos/acme/app/contents-ext/?ref=main&includes=x")).isEmpty();
		assertThat(description.violations("GET", "/repos/acme/app/contents-ext/?recursive=true")).isNotEmpty();
		assertThat(description.violations("DELETE", "/repos/acme/app/tags")).isNotEmpty();
	}

	/** The description's path template a request matched, for the coverage check. */
	private static String operation(FakeGitea.Request request) {
		String path = request.target().substring(API_ROOT.length()).split("\\?", 2)[0];
		return description.template(path);
	}

	/** The oracle of answers: a wrong type, an object format Gitea does not have, an entry that is not a listing. */
	@Test
	void aWrongAnswerIsCaught() {
		OpenApiSchemas schemas = new OpenApiSchemas(json);
		JsonNode releases = schemas.responseSchema("GET", "/repos/{owner}/{repo}/releases", 200);
		assertThat(schemas.violations(releases, MAPPER.readTree("""
				[{"id": 1, "tag_name": "v1", "draft": false, "published_at": "2026-05-02T10:00:00Z"}]"""))).isEmpty();
		assertThat(schemas.violations(releases, MAPPER.readTree("""
				[{"id": "1", "tag_name": "v1", "draft": "false", "published_at": "2 May 2026"}]""")))
			.containsExactlyInAnyOrder("$[0].id: string where integer is expected",
					"$[0].draft: string where boolean is expected",
					"$[0].published_at: \"2 May 2026\" is not a date-time");
		JsonNode repository = schemas.responseSchema("GET", "/repos/{owner}/{repo}", 200);
		assertThat(schemas.violations(repository, MAPPER.readTree("{\"id\": 3, \"object_format_name\": \"md5\"}")))
			.containsExactly("$.object_format_name: \"md5\" is not one of [\"sha1\",\"sha256\"]");
		JsonNode listing = schemas.responseSchema("GET", "/repos/{owner}/{repo}/contents", 200);
		assertThat(schemas.violations(listing, MAPPER.readTree("{\"name\": \"Dockerfile\"}")))
			.containsExactly("$: object where array is expected");
		JsonNode comment = schemas.requestSchema("POST", "/repos/{owner}/{repo}/issues/{index}/comments");
		assertThat(schemas.violations(comment, MAPPER.readTree("{\"text\": \"x\"}")))
			.containsExactly("$: required property body is missing");
	}

	/** The recorded answers the client tests serve ({@code fixtures/gitea}) are shaped as Gitea documents them. */
	@Test
	void everyRecordedAnswerHasTheDescribedSchema() {
		OpenApiSchemas schemas = new OpenApiSchemas(json);
		List<String> violations = new ArrayList<>();
		GiteaFixturesTests.FIXTURES.forEach((recorded) -> {
			String fixture = recorded.getKey();
			String[] parts = recorded.getValue().split(" ");
			JsonNode schema = schemas.responseSchema(parts[0], parts[1], Integer.parseInt(parts[2]));
			schemas.violations(schema, MAPPER.readTree(FixtureServer.fixture(fixture)))
				.forEach((violation) -> violations.add(fixture + " " + violation));
		});
		assertThat(violations).isEmpty();
		assertThat(GiteaFixturesTests.FIXTURES).map(Map.Entry::getValue).map((operation) -> operation.substring(0,
				operation.lastIndexOf(' '))).containsAll(OPERATIONS.stream()
					.filter((operation) -> !operation.endsWith("/raw/{filepath}"))
					.toList());
	}
}
