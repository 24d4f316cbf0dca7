package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what a fake forge answered, and the bodies it was sent, against an API description: each JSON
 * answer against the response schema of its operation and status, each JSON request body against the
 * operation's request body schema. Records which operations had an answer checked, so that a test can
 * tell that none escaped.
 */
final class OpenApiExchanges {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final OpenApiRequests requests;

	private final OpenApiSchemas schemas;

	private final String root;

	private final Set<String> checked = new TreeSet<>();

	/** Answers an operation gives besides its described one, by operation: a schema reference. */
	private final Map<String, String> alternatives = new HashMap<>();

	/**
	 * @param json the description
	 * @param root the prefix of request paths before the description's paths, such as {@code /api/v1}
	 */
	OpenApiExchanges(String json, String root) {
		this.requests = new OpenApiRequests(json);
		this.schemas = new OpenApiSchemas(json);
		this.root = root;
	}

	OpenApiSchemas schemas() {
		return schemas;
	}

	/**
	 * Accepts for an operation an answer of another described schema too, where the operation's own text says
	 * so and its {@code responses} do not.
	 *
	 * @param operation such as {@code GET /repos/{owner}/{repo}/contents/{filepath}}
	 * @param reference a reference to a schema or a shared response, such as {@code #/responses/ContentsListResponse}
	 */
	OpenApiExchanges alsoAnswering(String operation, String reference) {
		alternatives.put(operation, reference);
		return this;
	}

	/** What is wrong with the exchanges under the root, each prefixed by its request; empty when all conform. */
	List<String> violations(List<FakeGitea.Exchange> exchanges) {
		List<String> violations = new ArrayList<>();
		for (FakeGitea.Exchange exchange : exchanges) {
			FakeGitea.Request request = exchange.request();
			// The path as sent: a parameter with an encoded slash (a branch name) is still one segment.
			String path = request.target().split("\\?", 2)[0];
			if (!path.startsWith(root)) {
				continue;
			}
			String template = requests.template(path.substring(root.length()));
			if (template == null) {
				violations.add(request.method() + " " + request.path() + ": no such path");
				continue;
			}
			String operation = request.method() + " " + template;
			if (exchange.requestBody().length > 0) {
				violations.addAll(check(operation + " request", schemas.requestSchema(request.method(), template),
						exchange.requestBody()));
			}
			JsonNode schema = schemas.responseSchema(request.method(), template, exchange.status());
			if (schema != null && isJson(exchange.contentType())) {
				checked.add(operation + " " + exchange.status());
				List<String> found = check(operation + " " + exchange.status(), schema, exchange.responseBody());
				if (!found.isEmpty() && alternatives.containsKey(operation) && check(operation, schemas.schema(
						alternatives.get(operation)), exchange.responseBody()).isEmpty()) {
					found = List.of();
				}
				violations.addAll(found);
			}
		}
		return violations;
	}

	/** The operations and statuses whose answers were checked, such as {@code GET /repos/{owner}/{repo}/tags 200}. */
	Set<String> checked() {
		return checked;
	}

	private List<String> check(String what, JsonNode schema, byte[] body) {
		if (schema == null) {
			return List.of(what + ": a body where the description has none");
		}
		JsonNode value;
		try {
			value = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			return List.of(what + ": not JSON: " + ex.getOriginalMessage());
		}
		return schemas.violations(schema, value).stream().map((violation) -> what + " " + violation).toList();
	}

	private static boolean isJson(String contentType) {
		return contentType != null && (contentType.startsWith("application/json") || contentType.contains("+json"));
	}
}
