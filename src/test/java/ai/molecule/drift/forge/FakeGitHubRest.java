package ai.molecule.drift.forge;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API v3 of a {@link FakeGitHub}: org repositories, a repository, tags and releases; contents
 * go to {@link FakeGitHubContents}, issues and labels to {@link FakeGitHubIssues}. Called with the state's lock held.
 */
final class FakeGitHubRest {

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final String baseUrl;

	private final FakeGitHubIssues issues;

	private final FakeGitHubContents contents;

	private final FakeGitHubJson shapes;

	private final FakeGitHubPulls pulls;

	/** For its paging only. */
	FakeGitHubRest(FakeGiteaState state, JsonMapper mapper, String baseUrl) {
		this(state, mapper, baseUrl, null);
	}

	FakeGitHubRest(FakeGiteaState state, JsonMapper mapper, String baseUrl, FakeGitHubPulls pulls) {
		this.pulls = pulls;
		this.state = state;
		this.mapper = mapper;
		this.baseUrl = baseUrl;
		this.issues = new FakeGitHubIssues(state, mapper, baseUrl);
		this.contents = new FakeGitHubContents(state, mapper, baseUrl);
		this.shapes = new FakeGitHubJson(baseUrl);
	}

	FakeGiteaResponse answer(FakeGiteaApi.Call call, FakeGitea.Request request) {
		List<String> s = call.segments();
		if (s.size() >= 3 && s.get(0).equals("repos") && List.of("issues", "labels").contains(s.size() > 3 ? s.get(3) : "")) {
			return issues.answer(call, s.get(1), s.get(2));
		}
		if (s.size() >= 4 && s.get(0).equals("repos") && List.of("git", "pulls").contains(s.get(3))) {
			FakeGiteaRepo repo = state.repo(s.get(1), s.get(2));
			if (repo == null || (repo.isPrivate() && !call.authenticated())) {
				return error(mapper, 404, "Not Found");
			}
			return s.get(3).equals("git") ? pulls.git(call, repo) : pulls.pulls(call, repo, this);
		}
		if (!call.method().equals("GET")) {
			return error(mapper, 404, "Not Found");
		}
		if (s.size() == 3 && s.get(0).equals("orgs") && s.get(2).equals("repos")) {
			if (state.org(s.get(1)) == null) {
				return error(mapper, 404, "Not Found");
			}
			List<Map<String, Object>> visible = state.repos(s.get(1)).stream()
				.filter((repo) -> !repo.isPrivate() || call.authenticated())
				.map((repo) -> shapes.repository(repo, false))
				.toList();
			return page(call, visible);
		}
		if (s.size() < 3 || !s.get(0).equals("repos")) {
			return error(mapper, 404, "Not Found");
		}
		FakeGiteaRepo repo = state.repo(s.get(1), s.get(2));
		if (repo == null || (repo.isPrivate() && !call.authenticated())) {
			return error(mapper, 404, "Not Found");
		}
		if (s.size() == 3) {
			return json(shapes.repository(repo, true));
		}
		return switch (s.get(3)) {
			case "contents" -> contents.answer(call, request, repo, String.join("/", s.subList(4, s.size())));
			case "tags" -> page(call, newestFirst(repo.tags()).stream().map((tag) -> shapes.tag(repo, tag)).toList());
			case "releases" -> page(call, releases(call, repo));
			default -> error(mapper, 404, "Not Found");
		};
	}

	private List<Map<String, Object>> releases(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		return repo.releases().stream()
			.filter((release) -> !release.draft() || call.authenticated())
			.sorted(Comparator.comparing(FakeGiteaRepo.Release::id).reversed())
			.map((release) -> shapes.release(repo, release))
			.toList();
	}

	/** GitHub's paging: {@code per_page} (default 30, at most 100) and a {@code link} header. */
	FakeGiteaResponse page(FakeGiteaApi.Call call, List<?> all) {
		int perPage = Math.min(parse(call.query().get("per_page"), 30), state.pageSize);
		perPage = (perPage <= 0) ? 30 : perPage;
		int page = Math.max(1, parse(call.query().get("page"), 1));
		int from = Math.min((page - 1) * perPage, all.size());
		FakeGiteaResponse response = json(all.subList(from, Math.min(from + perPage, all.size())));
		String links = FakeGiteaLinks.header(baseUrl, call.rawPath(), call.query(), all.size(), perPage, page);
		if (!links.isEmpty()) {
			response.header("link", links);
		}
		return response;
	}

	private static <T> List<T> newestFirst(List<T> items) {
		List<T> copy = new ArrayList<>(items);
		Collections.reverse(copy);
		return copy;
	}

	static String time(Instant instant) {
		return (instant == null) ? null
				: DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	static int parse(String value, int fallback) {
		try {
			return (value != null) ? Integer.parseInt(value.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private FakeGiteaResponse json(Object value) {
		return FakeGiteaResponse.json(mapper, 200, value);
	}

	/** GitHub's error shape: {@code {"message", "documentation_url", "status"}}. */
	static FakeGiteaResponse error(JsonMapper mapper, int status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("documentation_url", FakeGitHubHandler.DOCS);
		body.put("status", Integer.toString(status));
		return FakeGiteaResponse.json(mapper, status, body);
	}
}
