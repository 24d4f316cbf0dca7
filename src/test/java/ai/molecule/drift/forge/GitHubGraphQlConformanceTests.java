package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL document the job can send to GitHub (the file batch at every batch size and number of
 * paths, and the tags query) validates against GitHub's published schema, in its introspection form (the
 * published {@code schema.graphql} holds a duplicate definition).
 */
class GitHubGraphQlConformanceTests {

	/** {@code drift.forge.github.graphql-batch-size} is at most 100. */
	private static final int MAX_BATCH = 100;

	/** More paths than the scan reads from one repository. */
	private static final int MAX_PATHS = 8;

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

	private static List<GraphQLError> errors(String document) {
		ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
				ExecutionInput.newExecutionInput(document).build());
		return result.getErrors();
	}
}
