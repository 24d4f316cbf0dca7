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
 * The issue, comment and label endpoints of a {@link FakeGitea}, as Gitea has them: labels by id in
 * requests ({@code []int64}: a name is a 422), 201 on create and on edit, {@code type=issues} to leave
 * pull requests out, an unpaged comment list, organisation labels. Called with the state's lock held.
 */
final class FakeGiteaIssues {

	private final FakeGiteaState state;

	private final FakeGiteaApi api;

	private final JsonMapper mapper;

	FakeGiteaIssues(FakeGiteaState state, FakeGiteaApi api, JsonMapper mapper) {
		this.state = state;
		this.api = api;
		this.mapper = mapper;
	}

	/** {@code /orgs/{org}/labels}. */
	FakeGiteaResponse orgLabels(FakeGiteaApi.Call call, String org) {
		if (state.org(org) == null) {
			return api.error(404, "GetOrgByName");
		}
		return list(call, state.issues(org, null).labels.values().stream().map((label) -> (Object) labelJson(label)).toList());
	}

	FakeGiteaResponse answer(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		FakeIssues issues = state.issues(repo.owner(), repo.name());
		List<String> s = call.segments().subList(3, call.segments().size());
		JsonNode body;
		try {
			body = call.method().equals("GET") ? mapper.nullNode() : mapper.readTree(call.body());
		}
		catch (JacksonException ex) {
			return api.error(422, "invalid JSON");
		}
		if (!call.method().equals("GET") && !call.authenticated()) {
			return api.error(401, "token is required");
		}
		if (s.get(0).equals("labels")) {
			return (s.size() == 1) ? labels(call, issues, body) : api.error(404, "The target couldn't be found.");
		}
		if (s.size() == 1) {
			return switch (call.method()) {
				case "GET" -> list(call, issuesJson(repo, issues, call.query()));
				case "POST" -> create(repo, issues, body);
				default -> api.error(405, "method not allowed");
			};
		}
		Optional<FakeIssues.Issue> issue = number(s.get(1)).flatMap(issues::issue);
		if (issue.isEmpty()) {
			return api.error(404, "The target couldn't be found.");
		}
		String sub = (s.size() > 2) ? s.get(2) : "";
		return switch (call.method() + " " + sub) {
			case "PATCH " -> edit(repo, issue.get(), body);
			case "GET comments" -> json(200, IntStream.range(0, issue.get().comments.size())
				.mapToObj((i) -> commentJson(repo, issue.get(), i))
				.toList());
			case "POST comments" -> {
				issue.get().comments.add(body.path("body").asString(""));
				yield json(201, commentJson(repo, issue.get(), issue.get().comments.size() - 1));
			}
			case "POST labels" -> {
				List<Long> ids = ids(body.path("labels"));
				if (ids == null) {
					yield api.error(422, "[Labels]: cannot unmarshal string into []int64");
				}
				addLabels(repo, issues, issue.get(), ids);
				yield json(200, labelsJson(repo, issue.get()));
			}
			default -> api.error(404, "The target couldn't be found.");
		};
	}

	private List<Object> issuesJson(FakeGiteaRepo repo, FakeIssues issues, Map<String, String> query) {
		String wanted = query.getOrDefault("state", "open");
		boolean issuesOnly = "issues".equals(query.get("type"));
		List<FakeIssues.Issue> matching = new ArrayList<>(issues.issues.stream()
			.filter((issue) -> wanted.equals("all") || (issue.open == wanted.equals("open")))
			.filter((issue) -> !issuesOnly || !issue.pull)
			.toList());
		Collections.reverse(matching);
		return matching.stream().map((issue) -> (Object) issueJson(repo, issue)).toList();
	}

	private FakeGiteaResponse create(FakeGiteaRepo repo, FakeIssues issues, JsonNode body) {
		List<Long> ids = ids(body.path("labels"));
		if (ids == null) {
			return api.error(422, "[Labels]: cannot unmarshal string into Go struct field CreateIssueOption.labels of type int64");
		}
		if (body.path("title").asString("").isBlank()) {
			return api.error(422, "[Title]: Required");
		}
		FakeIssues.Issue issue = issues.add(body.path("title").asString(), body.path("body").asString(""));
		addLabels(repo, issues, issue, ids);
		return json(201, issueJson(repo, issue));
	}

	/** EditIssueOption has no labels: Gitea ignores them here. And it answers 201. */
	private FakeGiteaResponse edit(FakeGiteaRepo repo, FakeIssues.Issue issue, JsonNode body) {
		if (body.has("body")) {
			issue.body = body.path("body").asString("");
		}
		if (body.has("title")) {
			issue.title = body.path("title").asString();
		}
		if (body.has("state")) {
			issue.open = body.path("state").asString().equals("open");
		}
		issue.edits++;
		return json(201, issueJson(repo, issue));
	}

	private FakeGiteaResponse labels(FakeGiteaApi.Call call, FakeIssues issues, JsonNode body) {
		if (call.method().equals("GET")) {
			return list(call, issues.labels.values().stream().map((label) -> (Object) labelJson(label)).toList());
		}
		String color = body.path("color").asString("");
		if (body.path("name").asString("").isBlank() || !color.matches("#?[0-9a-fA-F]{6}")) {
			return api.error(422, "[Name Color]: Required");
		}
		return json(201, labelJson(issues.addLabel(body.path("name").asString(), color.replace("#", ""))));
	}

	/** Label ids; unknown ones are skipped, as Gitea's lookup by ids does. {@code null} for non-numbers. */
	private void addLabels(FakeGiteaRepo repo, FakeIssues issues, FakeIssues.Issue issue, List<Long> ids) {
		FakeIssues orgLabels = state.issues(repo.owner(), null);
		for (long id : ids) {
			issues.labelWithId(id).or(() -> orgLabels.labelWithId(id)).ifPresent((label) -> {
				if (!issue.labels.contains(label.name())) {
					issue.labels.add(label.name());
				}
			});
		}
	}

	private static List<Long> ids(JsonNode labels) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode label : labels.values()) {
			if (!label.isIntegralNumber()) {
				return null;
			}
			ids.add(label.asLong());
		}
		return ids;
	}

	private Map<String, Object> issueJson(FakeGiteaRepo repo, FakeIssues.Issue issue) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", 1000 + issue.number);
		json.put("number", issue.number);
		json.put("title", issue.title);
		json.put("body", issue.body);
		json.put("state", issue.open ? "open" : "closed");
		json.put("labels", labelsJson(repo, issue));
		json.put("html_url", api.baseUrl() + "/" + repo.owner() + "/" + repo.name() + "/issues/" + issue.number);
		json.put("pull_request", issue.pull ? Map.of("merged", issue.merged) : null);
		return json;
	}

	/** Gitea's {@code Comment}. */
	private Map<String, Object> commentJson(FakeGiteaRepo repo, FakeIssues.Issue issue, int index) {
		String issueUrl = api.baseUrl() + "/" + repo.owner() + "/" + repo.name() + "/issues/" + issue.number;
		long id = issue.number * 1000 + index;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("html_url", issueUrl + "#issuecomment-" + id);
		json.put("issue_url", issueUrl);
		json.put("pull_request_url", "");
		json.put("body", issue.comments.get(index));
		json.put("assets", List.of());
		json.put("created_at", FakeGitHubRest.time(FakeGitHubJson.CREATED.plusSeconds(index)));
		json.put("updated_at", FakeGitHubRest.time(FakeGitHubJson.CREATED.plusSeconds(index)));
		return json;
	}

	private List<Object> labelsJson(FakeGiteaRepo repo, FakeIssues.Issue issue) {
		FakeIssues own = state.issues(repo.owner(), repo.name());
		FakeIssues org = state.issues(repo.owner(), null);
		return issue.labels.stream()
			.map((name) -> (Object) labelJson(own.labelNamed(name).or(() -> org.labelNamed(name)).orElseThrow()))
			.toList();
	}

	private static Map<String, Object> labelJson(FakeIssues.Label label) {
		return Map.of("id", label.id(), "name", label.name(), "color", label.color(), "description", "");
	}

	private FakeGiteaResponse list(FakeGiteaApi.Call call, List<Object> all) {
		return api.page(call, all);
	}

	private static Optional<Long> number(String value) {
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
}
