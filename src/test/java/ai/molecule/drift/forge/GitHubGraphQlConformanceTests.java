package ai.molecule.drift.forge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL document the job can send to GitHub (the file batch at every batch size and number of
 * paths, and the tags query) validates against GitHub's published schema, in its introspection form (the
 * published {@code schema.graphql} holds a duplicate definition); the fake's answers, and the recorded answers
 * of {@link GitHubFixturesTests}, have the shape the schema gives the fields their query selects.
 */
class GitHubGraphQlConformanceTests {

	/** {@code drift.forge.github.graphql-batch-size} is at most 100. */
	private static final int MAX_BATCH = 100;

	/** More paths than the scan reads from one repository. */
	private static final int MAX_PATHS = 8;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static GraphQLSchema schema;

	@BeforeAll
	static void loadSchema() {
		String json = ApiDescriptions.file(ApiDescriptions.GITHUB_GRAPHQL_SCHEMA, "package/schema.json");
		Map<String, Object> introspection = JsonMapper.builder().build()
			.readValue(json, new TypeReference<Map<String, Object>>() {
			});
		schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
				new SchemaParser().buildRegistry(new IntrospectionResultToSchema().createSchemaDefinition(introspection)));
	}

	@Test
	void everyFileBatchTheJobCanSendIsValid() {
		List<String> invalid = new ArrayList<>();
		for (int repos = 1; repos <= MAX_BATCH; repos++) {
			for (int paths = 1; paths <= MAX_PATHS; paths++) {
				List<GraphQLError> errors = errors(GitHubGraphQlFiles.query(repos, paths));
				if (!errors.isEmpty()) {
					invalid.add(repos + " repositories, " + paths + " paths: " + errors);
				}
			}
		}
		assertThat(invalid).isEmpty();
	}

	@Test
	void theTagsQueryIsValid() {
		assertThat(errors(GitHubReleases.TAGS_QUERY)).isEmpty();
	}

	/**
	 * The bump's commit mutation is valid against the schema, the request the writer sends declares and gives
	 * its variables, and the fake's answer has the shape the mutation selects.
	 */
	@Test
	void theCommitMutationOfABumpIsValidAndAnsweredInItsShape() {
		assertThat(errors(GitHubBumps.COMMIT)).isEmpty();
		try (FakeGitHub github = FakeGitHub.start()) {
			github.repo("acme", "x").file(".runtime-version", "0.3.20\n");
			String prefix = "<!-- consumer-drift:bump ";
			BumpRequest request = new BumpRequest("bump/runtime-0.3.27", "bump/runtime-", "Bump to 0.3.27",
					"b\n" + prefix + "x -->\n", prefix + "x -->", prefix,
					java.util.Map.of(".runtime-version", "0.3.27\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
					List.of());
			BumpResult result = TestForges.github(github, TestForges.TOKEN, new TestForges.RecordingSleeper())
				.bumps(java.time.Clock.systemUTC())
				.propose(new RepoRef("acme", "x", "main", false, false, false), request);
			assertThat(result.state()).isEqualTo("opened");
			GraphQlAnswers answers = new GraphQlAnswers(schema);
			List<FakeGitea.Exchange> mutations = github.exchanges().stream()
				.filter((exchange) -> exchange.request().path().equals("/api/graphql"))
				.toList();
			assertThat(mutations).singleElement().satisfies((exchange) -> {
				assertThat(answers.requestViolations(MAPPER.readTree(exchange.requestBody()))).isEmpty();
				assertThat(answers.violations(GitHubBumps.COMMIT, MAPPER.readTree(exchange.responseBody()))).isEmpty();
			});
		}
	}

	/** The oracle itself: a field GitHub does not have, or a wrong argument type, is caught. */
	@Test
	void aWrongQueryIsCaught() {
		String misspelledField = GitHubReleases.TAGS_QUERY.replace("committedDate }", "commitedDate }");
		assertThat(errors(misspelledField)).extracting(GraphQLError::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("commitedDate"));
		String wrongArgument = GitHubReleases.TAGS_QUERY.replace("first: 100", "first: \"100\"");
		assertThat(errors(wrongArgument)).isNotEmpty();
		String undeclaredVariable = GitHubGraphQlFiles.query(2, 1).replace("$n1)", "$n2)");
		assertThat(errors(undeclaredVariable)).isNotEmpty();
	}

	/**
	 * Every answer the fake gives to what the job sends (files of repositories with files, folders, links,
	 * submodules, a missing repository; lightweight and annotated tags) has the shape the schema gives the
	 * queried fields, and every request body is a query with its declared variables.
	 */
	@Test
	void everyAnswerOfTheFakeHasTheQueriedShape() {
		GraphQlAnswers answers = new GraphQlAnswers(schema);
		try (FakeGitHub github = FakeGitHub.start()) {
			github.repo("acme", "app").file(".runtime-version", "0.3.1\n").file("docker/Dockerfile", "FROM x\n")
				.symlink("Dockerfile", "docker/Dockerfile").submodule("workspace").dir("molecule_runtime");
			github.repo("acme", "empty").empty();
			github.tag("acme", "runtime", "runtime-v0.3.1", Instant.parse("2026-05-01T10:00:00Z"));
			GitHubForge forge = TestForges.github(github, TestForges.TOKEN, new TestForges.RecordingSleeper());
			List<RepoRef> repos = new ArrayList<>(forge.listRepos("acme"));
			repos.add(new RepoRef("acme", "gone", "main", false, false, false));
			forge.readAhead(repos, Set.of(".runtime-version", "Dockerfile", "workspace", "molecule_runtime"));
			forge.listReleaseTags("acme", "runtime");

			List<FakeGitea.Exchange> graphql = github.exchanges().stream()
				.filter((exchange) -> exchange.request().path().equals("/api/graphql"))
				.toList();
			assertThat(graphql).hasSizeGreaterThanOrEqualTo(2);
			List<String> violations = new ArrayList<>();
			for (FakeGitea.Exchange exchange : graphql) {
				JsonNode request = MAPPER.readTree(exchange.requestBody());
				violations.addAll(answers.requestViolations(request));
				violations.addAll(answers.violations(request.get("query").asString(),
						MAPPER.readTree(exchange.responseBody())));
			}
			assertThat(violations).isEmpty();
		}
	}

	/** The oracle of answers: a missing field, a wrong scalar, an unselected field, a null where none may be. */
	@Test
	void aWrongAnswerIsCaught() {
		GraphQlAnswers answers = new GraphQlAnswers(schema);
		String query = GitHubGraphQlFiles.query(1, 1);
		String good = """
				{"data": {"r0": {"name": "app", "isEmpty": false,
				  "root": {"entries": [{"name": "Dockerfile", "type": "blob", "mode": 33188}]},
				  "f0": {"text": "0.3.1", "isBinary": false, "isTruncated": false, "byteSize": 5}}}}""";
		assertThat(answers.violations(query, MAPPER.readTree(good))).isEmpty();
		assertThat(answers.violations(query, MAPPER.readTree(good.replace("\"byteSize\": 5", "\"byteSize\": \"5\"")
			.replace("\"isEmpty\": false", "\"isEmpty\": null")
			.replace("\"mode\": 33188", "\"mode\": 33188, \"oid\": \"abc\"")
			.replace("\"isTruncated\": false, ", ""))))
			.containsExactlyInAnyOrder("$.data.r0.f0.byteSize: \"5\" is not a Int",
					"$.data.r0.isEmpty: null for a non-null Boolean", "$.data.r0.root.entries[0].oid: not selected by the query",
					"$.data.r0.f0.isTruncated: selected but missing");
		assertThat(answers.requestViolations(MAPPER.readTree("{\"query\": \"query($owner: String!) { viewer { login } }\","
				+ " \"variables\": {\"org\": \"acme\"}}")))
			.containsExactlyInAnyOrder("request: variable org is not declared", "request: required variable owner is missing");
	}

	private static List<GraphQLError> errors(String document) {
		ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
				ExecutionInput.newExecutionInput(document).build());
		return result.getErrors();
	}

	/** The recorded GraphQL answers the client tests serve have the shape of the queries they answer. */
	@Test
	void everyRecordedAnswerHasTheQueriedShape() {
		GraphQlAnswers answers = new GraphQlAnswers(schema);
		assertThat(answers.violations(GitHubGraphQlFiles.query(2, 4),
				MAPPER.readTree(FixtureServer.fixture("github/graphql-files.json")))).isEmpty();
		assertThat(answers.violations(GitHubReleases.TAGS_QUERY,
				MAPPER.readTree(FixtureServer.fixture("github/graphql-tags.json")))).isEmpty();
	}
}
