package ai.molecule.drift.forge;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks JSON bodies against the schemas of an OpenAPI 3.0 or Swagger 2.0 description: the response schema
 * of an operation at a status, or its request body schema. A small walker over what those descriptions use:
 * local {@code $ref}s, {@code type}, {@code required}, {@code properties}, {@code additionalProperties},
 * {@code items}, {@code enum}, {@code nullable}, {@code allOf}, {@code anyOf}, {@code oneOf}, and the
 * {@code date-time} format.
 * <p>
 * Null: OpenAPI 3.0 allows it where a schema says {@code nullable: true}. Swagger 2.0 cannot say so, and Gitea,
 * whose description is Swagger 2.0, serialises an absent Go pointer as {@code null} (its own descriptions say
 * "otherwise null"), so there null passes for a property that is not required.
 */
final class OpenApiSchemas {

	private final JsonNode description;

	private final boolean swagger2;

	OpenApiSchemas(String json) {
		this.description = JsonMapper.builder().build().readTree(json);
		this.swagger2 = description.has("swagger");
	}

	/** The schema of an operation's JSON answer at this status; {@code null} when the description gives none. */
	JsonNode responseSchema(String method, String template, int status) {
		JsonNode responses = operation(method, template).path("responses");
		JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
				: responses.path("default");
		response = resolve(response);
		JsonNode schema = swagger2 ? response.get("schema") : json(response.path("content"));
		return (schema == null || schema.isMissingNode()) ? null : schema;
	}

	/** The schema of an operation's JSON request body; {@code null} when it takes none. */
	JsonNode requestSchema(String method, String template) {
		JsonNode operation = operation(method, template);
		if (!swagger2) {
			JsonNode schema = json(resolve(operation.path("requestBody")).path("content"));
			return schema.isMissingNode() ? null : schema;
		}
		for (JsonNode parameter : operation.path("parameters")) {
			if ("body".equals(resolve(parameter).path("in").asString())) {
				return resolve(parameter).get("schema");
			}
		}
		return null;
	}

	/** The schema a reference names: a schema, or a shared response's (Swagger 2.0's {@code #/responses/...}). */
	JsonNode schema(String reference) {
		JsonNode target = resolve(at(reference));
		return target.has("schema") ? target.get("schema") : target;
	}

	/** What is wrong with {@code value} against {@code schema}, each as {@code $.path: problem}; empty when it conforms. */
	List<String> violations(JsonNode schema, JsonNode value) {
		List<String> violations = new ArrayList<>();
		check(schema, value, "$", false, violations);
		return violations;
	}

	private JsonNode operation(String method, String template) {
		JsonNode operation = description.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
		if (operation.isMissingNode()) {
			throw new IllegalArgumentException(method + " " + template + " is not in the description");
		}
		return operation;
	}

	/** The schema of the JSON media type among an OpenAPI 3 {@code content} map. */
	private static JsonNode json(JsonNode content) {
		for (Map.Entry<String, JsonNode> media : content.properties()) {
			if (media.getKey().startsWith("application/json") || media.getKey().endsWith("+json")) {
				return media.getValue().path("schema");
			}
		}
		return content.path("missing");
	}

	private void check(JsonNode schema, JsonNode value, String at, boolean required, List<String> violations) {
		schema = resolve(schema);
		if (value.isNull()) {
			boolean nullable = schema.path("nullable").asBoolean(false) || schema.path("x-nullable").asBoolean(false)
					|| (swagger2 && !required) || schema.isEmpty();
			if (!nullable) {
				violations.add(at + ": null where " + describe(schema) + " is expected");
			}
			return;
		}
		for (JsonNode part : schema.path("allOf")) {
			check(part, value, at, required, violations);
		}
		if (schema.has("anyOf") || schema.has("oneOf")) {
			String keyword = schema.has("anyOf") ? "anyOf" : "oneOf";
			long matching = 0;
			for (JsonNode part : schema.get(keyword)) {
				matching += violations(resolve(part), value).isEmpty() ? 1 : 0;
			}
			if (matching == 0 || ("oneOf".equals(keyword) && matching > 1)) {
				violations.add(at + ": " + matching + " of the " + keyword + " schemas match");
			}
		}
		if (schema.has("enum") && !contains(schema.get("enum"), value)) {
			violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
		}
		String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
		if (!type.isEmpty() && !hasType(value, type)) {
			violations.add(at + ": " + kind(value) + " where " + type + " is expected");
			return;
		}
		if ("date-time".equals(schema.path("format").asString()) && value.isString()) {
			try {
				OffsetDateTime.parse(value.asString());
			}
			catch (DateTimeParseException ex) {
				violations.add(at + ": " + value + " is not a date-time");
			}
		}
		if (value.isObject()) {
			checkObject(schema, value, at, violations);
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				check(schema.get("items"), value.get(i), at + "[" + i + "]", true, violations);
			}
		}
	}

	private void checkObject(JsonNode schema, JsonNode value, String at, List<String> violations) {
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		for (String name : required) {
			if (!value.has(name)) {
				violations.add(at + ": required property " + name + " is missing");
			}
		}
		JsonNode properties = schema.path("properties");
		JsonNode additional = schema.path("additionalProperties");
		for (Map.Entry<String, JsonNode> property : value.properties()) {
			String path = at + "." + property.getKey();
			if (properties.has(property.getKey())) {
				check(properties.get(property.getKey()), property.getValue(), path, required.contains(property.getKey()),
						violations);
			}
			else if (additional.isBoolean() && !additional.asBoolean()) {
				violations.add(path + ": not a property of " + describe(schema));
			}
			else if (additional.isObject()) {
				check(additional, property.getValue(), path, true, violations);
			}
		}
	}

	private static boolean hasType(JsonNode value, String type) {
		return switch (type) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber()
					|| (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			// Swagger 2.0's "file" answers are not JSON and are not checked here.
			default -> true;
		};
	}

	private static boolean contains(JsonNode values, JsonNode value) {
		for (JsonNode candidate : values) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static String kind(JsonNode value) {
		return value.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static String describe(JsonNode schema) {
		return schema.path("title").asString(schema.path("type").asString("a schema"));
	}

	/** Follows a local {@code $ref} such as {@code #/components/schemas/release} or {@code #/definitions/Release}. */
	private JsonNode resolve(JsonNode node) {
		while (node.has("$ref")) {
			node = at(node.get("$ref").asString());
		}
		return node;
	}

	private JsonNode at(String reference) {
		JsonNode target = description;
		for (String part : reference.substring(2).split("/")) {
			target = target.path(part.replace("~1", "/").replace("~0", "~"));
		}
		if (target.isMissingNode()) {
			throw new IllegalArgumentException(reference + " is not in the description");
		}
		return target;
	}
}
