package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL endpoint of a {@link FakeGitHub}. It is no GraphQL engine: it checks that every declared
 * non-null variable has a value and every used variable is declared, then answers the two query shapes
 * consumer-drift sends (aliased {@code repository} fields with {@code object(expression:)}, and a
 * repository's tag {@code refs}) the way GitHub does: HTTP 200, {@code data}, and {@code errors} with a
 * {@code type} and {@code path} for what could not be resolved, and partial answers as
 * {@link FakeGitHubGraphQlFaults} says. Called with the state's lock held.
 */
final class FakeGitHubGraphQl {

	private static final Pattern DECLARED = Pattern.compile("\\$(\\w+)\\s*:\\s*(\\w+)(!?)");

	private static final Pattern USED = Pattern.compile("\\$(\\w+)");

	private static final Pattern REPOSITORY = Pattern
		.compile("(\\w+): repository\\(owner: \\$(\\w+), name: \\$(\\w+)\\) \\{ \\.\\.\\.files \\}");

	private static final Pattern OBJECT = Pattern.compile("(\\w+): object\\(expression: \\$(\\w+)\\)");

	private static final int SYMLINK = 0120000;

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final FakeGitHubGraphQlFaults faults;

	private final FakeGitHubPulls pulls;

	FakeGitHubGraphQl(FakeGiteaState state, JsonMapper mapper, FakeGitHubGraphQlFaults faults, FakeGitHubPulls pulls) {
		this.pulls = pulls;
		this.state = state;
		this.mapper = mapper;
		this.faults = faults;
	}

	FakeGiteaResponse answer(FakeGiteaApi.Call call) {
		if (!call.authenticated()) {
			return FakeGitHubRest.error(mapper, 401, "This endpoint requires you to be authenticated.");
		}
		String query;
		JsonNode variables;
		try {
			JsonNode body = mapper.readTree(call.body());
			query = body.path("query").asString("");
			variables = body.path("variables");
		}
		catch (JacksonException ex) {
			return FakeGitHubRest.error(mapper, 400, "Problems parsing JSON");
		}
		String problem = checkVariables(query, variables);
		if (problem != null) {
			return json(Map.of("errors", List.of(Map.of("message", problem))));
		}
		if (query.startsWith("mutation(") && query.contains("createCommitOnBranch(input: $input)")) {
			return json(pulls.createCommitOnBranch(variables.path("input"), call.authenticated()));
		}
		return query.contains("refs(refPrefix:") ? tags(variables) : files(query, variables);
	}

	private String checkVariables(String query, JsonNode variables) {
		int open = query.indexOf('(');
		int close = query.indexOf(')');
		if (!(query.startsWith("query(") || query.startsWith("mutation(")) || close < open) {
			return "Parse error on \"" + query.substring(0, Math.min(20, query.length())) + "\"";
		}
		Map<String, Boolean> declared = new LinkedHashMap<>();
		Matcher matcher = DECLARED.matcher(query.substring(open, close));
		while (matcher.find()) {
			declared.put(matcher.group(1), !matcher.group(3).isEmpty());
		}
		for (Map.Entry<String, Boolean> variable : declared.entrySet()) {
			if (variable.getValue() && !variables.hasNonNull(variable.getKey())) {
				return "Variable $" + variable.getKey() + " of type String! was provided invalid value";
			}
		}
		Matcher used = USED.matcher(query.substring(close));
		while (used.find()) {
			if (!declared.containsKey(used.group(1))) {
				return "Variable $" + used.group(1) + " is used by anonymous query but not declared";
			}
		}
		return null;
	}

	private FakeGiteaResponse files(String query, JsonNode variables) {
		Map<String, String> objects = new LinkedHashMap<>();
		Matcher object = OBJECT.matcher(query);
		while (object.find()) {
			objects.put(object.group(1), variables.path(object.group(2)).asString());
		}
		List<String> asked = REPOSITORY.matcher(query).results()
			.map((match) -> variables.path(match.group(3)).asString())
			.toList();
		faults.asked(asked);
		Map<String, Object> tooLarge = faults.tooLarge(asked.size());
		if (tooLarge != null) {
			return json(tooLarge);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		List<Object> errors = new ArrayList<>();
		boolean dropped = false;
		Matcher repository = REPOSITORY.matcher(query);
		while (repository.find()) {
			String alias = repository.group(1);
			String owner = variables.path(repository.group(2)).asString();
			String name = variables.path(repository.group(3)).asString();
			FakeGitHubGraphQlFaults.Drop drop = faults.claim(owner, name);
			if (drop != null) {
				if (!drop.absent()) {
					data.put(alias, null);
				}
				dropped = true;
				continue;
			}
			FakeGiteaRepo repo = state.repo(owner, name);
			if (repo == null) {
				data.put(alias, null);
				errors.add(notFound(alias, owner + "/" + name));
				continue;
			}
			data.put(alias, repository(repo, objects));
		}
		if (dropped) {
			errors.add(FakeGitHubGraphQlFaults.somethingWentWrong());
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", data);
		if (!errors.isEmpty()) {
			answer.put("errors", errors);
		}
		return json(answer);
	}

	private Map<String, Object> repository(FakeGiteaRepo repo, Map<String, String> objects) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("name", repo.name());
		node.put("isEmpty", repo.isEmpty());
		if (repo.isEmpty()) {
			// No HEAD: every expression resolves to nothing.
			node.put("root", null);
			objects.keySet().forEach((alias) -> node.put(alias, null));
			return node;
		}
		List<Object> entries = new ArrayList<>();
		FakeGiteaContents.children(repo, "").forEach((name, type) -> entries.add(Map.of("name", name, "type",
				switch (type) {
					case "dir" -> "tree";
					case "submodule" -> "commit";
					default -> "blob";
				}, "mode", switch (type) {
					case "dir" -> 040000;
					case "submodule" -> 0160000;
					case "symlink" -> SYMLINK;
					default -> 0100644;
				})));
		node.put("root", Map.of("entries", entries));
		objects.forEach((alias, expression) -> node.put(alias, object(repo, expression)));
		return node;
	}

	/** A blob's fields, {@code {}} for another kind of object (no fragment matches), {@code null} for nothing. */
	private Object object(FakeGiteaRepo repo, String expression) {
		String path = expression.startsWith("HEAD:") ? expression.substring("HEAD:".length()) : null;
		String type = (path == null || path.isEmpty()
				|| state.graphqlHidden.contains(FakeGiteaState.key(repo.owner() + "/" + repo.name()) + ":" + path)) ? null
						: FakeGiteaContents.type(repo, path);
		if (type == null) {
			return null;
		}
		if (!type.equals("file") && !type.equals("symlink")) {
			return Map.of();
		}
		byte[] blob = type.equals("file") ? repo.files().get(path)
				: repo.symlinks().get(path).getBytes(StandardCharsets.UTF_8);
		boolean binary = new String(blob, StandardCharsets.ISO_8859_1).indexOf('\0') >= 0;
		boolean truncated = blob.length > state.maxBlobSize;
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("text", binary ? null
				: new String(blob, 0, (int) Math.min(blob.length, state.maxBlobSize), StandardCharsets.UTF_8));
		fields.put("isBinary", binary);
		fields.put("isTruncated", truncated);
		fields.put("byteSize", blob.length);
		return fields;
	}

	private FakeGiteaResponse tags(JsonNode variables) {
		String owner = variables.path("owner").asString();
		String name = variables.path("name").asString();
		FakeGiteaRepo repo = state.repo(owner, name);
		if (repo == null) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("repository", null);
			return json(Map.of("data", data, "errors", List.of(notFound("repository", owner + "/" + name))));
		}
		List<FakeGiteaRepo.Tag> tags = new ArrayList<>(repo.tags());
		tags.sort(Comparator.comparing(FakeGiteaRepo.Tag::name));
		String after = variables.path("after").asString(null);
		int from = (after == null) ? 0 : Integer.parseInt(after.substring("cursor:".length()));
		int to = Math.min(tags.size(), from + 100);
		List<Object> nodes = new ArrayList<>();
		for (FakeGiteaRepo.Tag tag : tags.subList(from, to)) {
			Map<String, Object> target = new LinkedHashMap<>();
			target.put("__typename", "Commit");
			target.put("committedDate", FakeGitHubRest.time(tag.date()));
			nodes.add(Map.of("name", tag.name(), "target", target));
		}
		Map<String, Object> pageInfo = new LinkedHashMap<>();
		pageInfo.put("hasNextPage", to < tags.size());
		pageInfo.put("endCursor", (to > from) ? "cursor:" + to : null);
		return json(Map.of("data", Map.of("repository", Map.of("refs", Map.of("pageInfo", pageInfo, "nodes", nodes)))));
	}

	private static Map<String, Object> notFound(String alias, String fullName) {
		return Map.of("type", "NOT_FOUND", "path", List.of(alias), "locations", List.of(Map.of("line", 2, "column", 3)),
				"message", "Could not resolve to a Repository with the name '" + fullName + "'.");
	}

	private FakeGiteaResponse json(Object value) {
		return FakeGiteaResponse.json(mapper, 200, value);
	}
}
