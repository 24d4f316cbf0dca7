package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issue, comment and label endpoints of a {@link FakeGitHub}: labels by name (unknown names are
 * created on the fly, as GitHub does), 201 on create, 200 on edit, 422 for a body over 65,536
 * characters, pull requests in the issue list. Called with the state's lock held.
 */
final class FakeGitHubIssues {

	static final int BODY_LIMIT = 65_536;

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final String baseUrl;

	private final FakeGitHubJson shapes;

	FakeGitHubIssues(FakeGiteaState state, JsonMapper mapper, String baseUrl) {
		this.state = state;
		this.mapper = mapper;
		this.baseUrl = baseUrl;
		this.shapes = new FakeGitHubJson(baseUrl);
	}

	FakeGiteaResponse answer(FakeGiteaApi.Call call, String owner, String name) {
		FakeGiteaRepo repo = state.repo(owner, name);
		if (repo == null || (repo.isPrivate() && !call.authenticated())) {
			return error(404, "Not Found");
		}
		boolean write = !call.method().equals("GET");
		if (write && !call.authenticated()) {
			return error(401, "Requires authentication");
		}
		FakeIssues issues = state.issues(owner, name);
		List<String> s = call.segments().subList(3, call.segments().size());
		JsonNode body;
		try {
			body = write ? mapper.readTree(call.body()) : mapper.nullNode();
		}
		catch (JacksonException ex) {
			return error(400, "Problems parsing JSON");
		}
		if (s.get(0).equals("labels")) {
			return (s.size() == 1) ? labels(call, issues, body) : error(404, "Not Found");
		}
		if (s.size() == 1) {
			return switch (call.method()) {
				case "GET" -> list(call, issues);
				case "POST" -> create(issues, owner, name, body);
				default -> error(404, "Not Found");
			};
		}
		Optional<FakeIssues.Issue> issue = parseNumber(s.get(1)).flatMap(issues::issue);
		if (issue.isEmpty()) {
			return error(404, "Not Found");
		}
		String sub = (s.size() > 2) ? s.get(2) : "";
		return switch (call.method() + " " + sub) {
			case "GET " -> json(200, issueJson(owner, name, issue.get()));
			case "PATCH " -> edit(issues, owner, name, issue.get(), body);
			case "GET comments" -> new FakeGitHubRest(state, mapper, baseUrl).page(call,
					IntStream.range(0, issue.get().comments.size()).mapToObj((i) -> shapes.comment(owner, name, issue.get(), i)).toList());
			case "POST comments" -> comment(owner, name, issue.get(), body);
			case "POST labels" -> {
				body.path("labels").values().forEach((label) -> addLabel(issues, issue.get(), label.asString()));
				yield json(200, labelsJson(owner, name, issue.get().labels));
			}
			default -> error(404, "Not Found");
		};
	}

	private FakeGiteaResponse list(FakeGiteaApi.Call call, FakeIssues issues) {
		String wanted = call.query().getOrDefault("state", "open");
		List<FakeIssues.Issue> matching = new ArrayList<>(issues.issues.stream()
			.filter((issue) -> wanted.equals("all") || (issue.open == wanted.equals("open")))
			.toList());
		Collections.reverse(matching);
		String[] repo = { call.segments().get(1), call.segments().get(2) };
		return new FakeGitHubRest(state, mapper, baseUrl).page(call,
				matching.stream().map((issue) -> issueJson(repo[0], repo[1], issue)).toList());
	}

	private FakeGiteaResponse create(FakeIssues issues, String owner, String name, JsonNode body) {
		String text = body.path("body").asString("");
		if (tooLong(text)) {
			return bodyTooLong("Issue");
		}
		if (body.path("title").asString("").isBlank()) {
			return error(422, "Validation Failed");
		}
		FakeIssues.Issue issue = issues.add(body.path("title").asString(), text);
		body.path("labels").values().forEach((label) -> addLabel(issues, issue, label.asString()));
		return json(201, issueJson(owner, name, issue));
	}

	private FakeGiteaResponse edit(FakeIssues issues, String owner, String name, FakeIssues.Issue issue,
			JsonNode body) {
		if (body.has("body")) {
			if (tooLong(body.path("body").asString(""))) {
				return bodyTooLong("Issue");
			}
			issue.body = body.path("body").asString("");
		}
		if (body.has("title")) {
			issue.title = body.path("title").asString();
		}
		if (body.has("state")) {
			issue.open = body.path("state").asString().equals("open");
		}
		if (body.has("labels")) {
			issue.labels.clear();
			body.path("labels").values().forEach((label) -> addLabel(issues, issue, label.asString()));
		}
		issue.edits++;
		return json(200, issueJson(owner, name, issue));
	}

	private FakeGiteaResponse comment(String owner, String name, FakeIssues.Issue issue, JsonNode body) {
		String text = body.path("body").asString("");
		if (tooLong(text)) {
			return bodyTooLong("IssueComment");
		}
		issue.comments.add(text);
		return json(201, shapes.comment(owner, name, issue, issue.comments.size() - 1));
	}

	private FakeGiteaResponse labels(FakeGiteaApi.Call call, FakeIssues issues, JsonNode body) {
		if (call.method().equals("GET")) {
			return new FakeGitHubRest(state, mapper, baseUrl).page(call, issues.labels.values().stream()
				.map((label) -> shapes.label(call.segments().get(1), call.segments().get(2), label))
				.toList());
		}
		String name = body.path("name").asString("");
		String color = body.path("color").asString("");
		if (name.isBlank() || !color.matches("[0-9a-fA-F]{6}")) {
			return error(422, "Validation Failed");
		}
		if (issues.labelNamed(name).isPresent()) {
			return error(422, "Validation Failed (already_exists)");
		}
		return json(201, shapes.label(call.segments().get(1), call.segments().get(2), issues.addLabel(name, color)));
	}

	private static void addLabel(FakeIssues issues, FakeIssues.Issue issue, String name) {
		FakeIssues.Label label = issues.labelNamed(name).orElseGet(() -> issues.addLabel(name, "ededed"));
		if (!issue.labels.contains(label.name())) {
			issue.labels.add(label.name());
		}
	}

	private Map<String, Object> issueJson(String owner, String name, FakeIssues.Issue issue) {
		return shapes.issue(owner, name, issue, labelsJson(owner, name, issue.labels));
	}

	private List<Object> labelsJson(String owner, String name, List<String> names) {
		FakeIssues issues = state.issues(owner, name);
		return names.stream().map((n) -> (Object) shapes.label(owner, name, issues.labelNamed(n).orElseThrow())).toList();
	}

	private static boolean tooLong(String text) {
		return text.codePointCount(0, text.length()) > BODY_LIMIT;
	}

	private FakeGiteaResponse bodyTooLong(String resource) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Validation Failed");
		body.put("errors", List.of(Map.of("resource", resource, "code", "custom", "field", "body", "message",
				"body is too long (maximum is " + BODY_LIMIT + " characters)")));
		body.put("documentation_url", FakeGitHubHandler.DOCS);
		return FakeGiteaResponse.json(mapper, 422, body);
	}

	private static Optional<Long> parseNumber(String value) {
		try {
			return Optional.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private FakeGiteaResponse json(int status, Object value) {
		return FakeGiteaResponse.json(mapper, status, value);
	}

	private FakeGiteaResponse error(int status, String message) {
		return FakeGitHubRest.error(mapper, status, message);
	}
}
