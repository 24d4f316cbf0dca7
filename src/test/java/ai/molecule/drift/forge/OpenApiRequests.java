package ai.molecule.drift.forge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks requests against an OpenAPI 3 or Swagger 2.0 description (the same shapes for what is read here:
 * {@code paths}, operations, {@code parameters} with {@code in: query}, local {@code $ref}s): the path matches
 * one of its path templates, the method is an operation of that path, and every query parameter is one the
 * operation (or its path) declares.
 */
final class OpenApiRequests {

	/**
	 * Trailing path parameters that are a file's path in a repository and so span folders: GitHub's
	 * {@code {path}}, empty for the root, and Gitea's {@code {filepath}}, never empty (Gitea's root listing
	 * is a path of its own, {@code /repos/{owner}/{repo}/contents}) unless the parameter's own description
	 * says it may be left empty (Gitea's {@code contents-ext}).
	 */
	private static final Map<String, String> FILE_PATHS = Map.of("{path}", ".*", "{filepath}", ".+");

	private final JsonNode description;

	/** Path templates, most literal first, so that {@code /repos/{owner}/{repo}/tags} wins over a catch-all. */
	private final Map<Pattern, String> templates = new LinkedHashMap<>();

	OpenApiRequests(String json) {
		this.description = JsonMapper.builder().build().readTree(json);
		List<String> paths = new ArrayList<>(description.get("paths").propertyNames());
		paths.sort((a, b) -> Long.compare(a.chars().filter((c) -> c == '{').count(),
				b.chars().filter((c) -> c == '{').count()));
		for (String path : paths) {
			String tail = FILE_PATHS.keySet().stream().filter(path::endsWith).findFirst().orElse("");
			String head = path.substring(0, path.length() - tail.length());
			String file = mayBeEmpty(path, tail) ? ".*" : FILE_PATHS.getOrDefault(tail, "");
			String pattern = head.replaceAll("\\{[^}]+}", "[^/]+") + file;
			templates.put(Pattern.compile(pattern), path);
		}
	}

	/** Whether a trailing file path parameter is described as one that may be left empty. */
	private boolean mayBeEmpty(String path, String tail) {
		if (tail.isEmpty()) {
			return false;
		}
		String name = tail.substring(1, tail.length() - 1);
		for (JsonNode operation : description.get("paths").get(path).values()) {
			for (JsonNode parameter : operation.path("parameters").values()) {
				if (name.equals(parameter.path("name").asString())
						&& parameter.path("description").asString().contains("you can leave it empty")) {
					return true;
				}
			}
		}
		return false;
	}

	/** What is wrong with one request; empty when it conforms. */
	List<String> violations(String method, String target) {
		String path = target.split("\\?", 2)[0];
		String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
		String template = template(path);
		if (template == null) {
			return List.of(method + " " + path + ": no such path");
		}
		JsonNode pathItem = description.get("paths").get(template);
		JsonNode operation = pathItem.get(method.toLowerCase(Locale.ROOT));
		if (operation == null) {
			return List.of(method + " " + template + ": no such operation");
		}
		Set<String> declared = new HashSet<>();
		declared.addAll(queryParameters(pathItem.path("parameters")));
		declared.addAll(queryParameters(operation.path("parameters")));
		List<String> violations = new ArrayList<>();
		for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
			String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
			if (!declared.contains(name)) {
				violations.add(method + " " + template + ": undeclared query parameter " + name + " (declared: "
						+ declared + ")");
			}
		}
		return violations;
	}

	/** The path template a request path matches, such as {@code /repos/{owner}/{repo}}; {@code null} for none. */
	String template(String path) {
		return templates.entrySet().stream().filter((t) -> t.getKey().matcher(path).matches())
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private Set<String> queryParameters(JsonNode parameters) {
		Set<String> names = new HashSet<>();
		for (JsonNode parameter : parameters) {
			JsonNode resolved = parameter.has("$ref") ? resolve(parameter.get("$ref").asString()) : parameter;
			if ("query".equals(resolved.path("in").asString())) {
				names.add(resolved.get("name").asString());
			}
		}
		return names;
	}

	/** A local reference such as {@code #/components/parameters/per-page} (or Swagger's {@code #/parameters/...}). */
	private JsonNode resolve(String reference) {
		JsonNode node = description;
		for (String part : reference.substring(2).split("/")) {
			node = node.get(part.replace("~1", "/").replace("~0", "~"));
		}
		return node;
	}
}
