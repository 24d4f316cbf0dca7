package ai.molecule.drift.forge;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The schema walker the conformance tests rely on: each rule it claims to check is checked. */
class OpenApiSchemasTests {

	private static final String OPENAPI_3 = """
			{"openapi": "3.0.3", "paths": {"/releases": {
			  "get": {"responses": {"200": {"content": {"application/json; charset=utf-8": {"schema":
			    {"type": "array", "items": {"$ref": "#/components/schemas/release"}}}}}}},
			  "post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object",
			    "required": ["tag_name"], "additionalProperties": false,
			    "properties": {"tag_name": {"type": "string"}}}}}},
			    "responses": {"201": {"$ref": "#/components/responses/one"}}}}},
			 "components": {"responses": {"one": {"content": {"application/json": {"schema":
			    {"$ref": "#/components/schemas/release"}}}}},
			  "schemas": {"release": {"type": "object", "required": ["id", "created_at", "published_at", "author"],
			    "properties": {"id": {"type": "integer"}, "created_at": {"type": "string", "format": "date-time"},
			      "published_at": {"type": "string", "format": "date-time", "nullable": true},
			      "state": {"type": "string", "enum": ["open", "closed"]},
			      "author": {"allOf": [{"$ref": "#/components/schemas/user"}]},
			      "target": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/user"}]}}},
			   "user": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}}}}}
			""";

	private static final String SWAGGER_2 = """
			{"swagger": "2.0", "paths": {"/issues": {"post": {
			  "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/CreateIssueOption"}}],
			  "responses": {"201": {"$ref": "#/responses/Issue"}}}}},
			 "responses": {"Issue": {"description": "Issue", "schema": {"$ref": "#/definitions/Issue"}}},
			 "definitions": {
			   "CreateIssueOption": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}}},
			   "Issue": {"type": "object", "properties": {"number": {"type": "integer", "format": "int64"},
			     "closed_at": {"type": "string", "format": "date-time"}}}}}
			""";

	private final OpenApiSchemas openApi = new OpenApiSchemas(OPENAPI_3);

	private final OpenApiSchemas swagger = new OpenApiSchemas(SWAGGER_2);

	private final JsonNode release = openApi.responseSchema("GET", "/releases", 200);

	@Test
	void aConformingAnswerHasNoViolation() {
		assertThat(openApi.violations(release, json("""
				[{"id": 7, "created_at": "2026-05-01T10:00:00Z", "published_at": null, "state": "open",
				  "author": {"login": "a"}, "target": "main", "extra": 1}]"""))).isEmpty();
	}

	@Test
	void aMissingRequiredPropertyIsReported() {
		assertThat(openApi.violations(release, json("""
				[{"id": 7, "published_at": null, "author": {"login": "a"}}]""")))
			.containsExactly("$[0]: required property created_at is missing");
	}

	@Test
	void aWrongTypeAnUnknownEnumValueAndABadDateAreReported() {
		assertThat(openApi.violations(release, json("""
				[{"id": "7", "created_at": "yesterday", "published_at": null, "state": "merged",
				  "author": {"login": 1}}]""")))
			.containsExactlyInAnyOrder("$[0].id: string where integer is expected",
					"$[0].created_at: \"yesterday\" is not a date-time",
					"$[0].state: \"merged\" is not one of [\"open\",\"closed\"]",
					"$[0].author.login: number where string is expected");
	}

	@Test
	void nullPassesOnlyWhereTheSchemaIsNullable() {
		assertThat(openApi.violations(release, json("""
				[{"id": 7, "created_at": null, "published_at": null, "author": null}]""")))
			.containsExactlyInAnyOrder("$[0].created_at: null where string is expected",
					"$[0].author: null where a schema is expected");
	}

	@Test
	void noAlternativeOfAOneOfMatching() {
		assertThat(openApi.violations(release, json("""
				[{"id": 7, "created_at": "2026-05-01T10:00:00Z", "published_at": null, "author": {"login": "a"},
				  "target": 3}]""")))
			.containsExactly("$[0].target: 0 of the oneOf schemas match");
	}

	@Test
	void requestBodiesAndSharedResponsesAreFound() {
		JsonNode body = openApi.requestSchema("POST", "/releases");
		assertThat(openApi.violations(body, json("{\"tag_name\": \"v1\"}"))).isEmpty();
		assertThat(openApi.violations(body, json("{\"tag\": \"v1\"}"))).containsExactlyInAnyOrder(
				"$: required property tag_name is missing", "$.tag: not a property of object");
		assertThat(openApi.responseSchema("POST", "/releases", 201)).isNotNull();
		assertThat(openApi.requestSchema("GET", "/releases")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> openApi.responseSchema("GET", "/tags", 200));
	}

	@Test
	void swagger2NullPassesForAnOptionalPropertyAndBodiesAreParameters() {
		JsonNode issue = swagger.responseSchema("POST", "/issues", 201);
		assertThat(swagger.violations(issue, json("{\"number\": 3, \"closed_at\": null}"))).isEmpty();
		assertThat(swagger.violations(issue, json("{\"number\": 3.5}")))
			.containsExactly("$.number: number where integer is expected");
		JsonNode body = swagger.requestSchema("POST", "/issues");
		assertThat(swagger.violations(body, json("{\"title\": null}")))
			.containsExactly("$.title: null where string is expected");
		assertThat(swagger.violations(body, json("{}"))).containsExactly("$: required property title is missing");
	}

	private static JsonNode json(String text) {
		return JsonMapper.builder().build().readTree(text);
	}
}
