package ai.molecule.drift.forge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API semantics of a {@link FakeGitea}: routing, visibility, organisations, repositories,
 * tags, releases and paging as Gitea does them. Called with the state's lock held.
 */
final class FakeGiteaApi {

	/** Gitea writes times with the server's offset; a non-UTC one keeps clients honest. */
	private static final ZoneOffset SERVER_OFFSET = ZoneOffset.ofHours(2);

	/** Gitea's {@code [api] DEFAULT_PAGING_NUM}, used when the caller gives no (or a silly) limit. */
	private static final int DEFAULT_PAGING_NUM = 30;

	/**
	 * One request as the API sees it.
	 *
	 * @param method the HTTP method
	 * @param segments the decoded path segments after {@code /api/v1}
	 * @param query decoded query parameters (first value of each)
	 * @param rawPath the request path as sent, for {@code Link} headers
	 * @param authenticated whether the caller presented the right token
	 * @param body the request body
	 */
	record Call(String method, List<String> segments, Map<String, String> query, String rawPath, boolean authenticated,
			byte[] body) {

		String segment(int i) {
			return (i < segments.size()) ? segments.get(i) : null;
		}
	}

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final String baseUrl;

	private final FakeGiteaContents contents;

	private final FakeGiteaIssues issues;

	private final FakeGiteaPulls pulls;

	FakeGiteaApi(FakeGiteaState state, JsonMapper mapper, String baseUrl) {
		this.state = state;
		this.mapper = mapper;
		this.baseUrl = baseUrl;
		this.contents = new FakeGiteaContents(state, mapper, baseUrl);
		this.issues = new FakeGiteaIssues(state, this, mapper);
		this.pulls = new FakeGiteaPulls(state, this, mapper);
	}

	JsonMapper mapper() {
		return mapper;
	}

	String baseUrl() {
		return baseUrl;
	}

	FakeGiteaResponse answer(Call call) {
		List<String> s = call.segments();
		boolean post = call.method().equals("POST") && s.size() == 4 && s.get(3).equals("file-contents");
		boolean issueWrite = s.size() >= 4 && s.get(0).equals("repos") && List.of("issues", "labels").contains(s.get(3));
		boolean changeFiles = call.method().equals("POST") && s.size() == 4 && s.get(3).equals("contents");
		boolean pullWrite = s.size() >= 4 && s.get(0).equals("repos") && s.get(3).equals("pulls");
		if (!call.method().equals("GET") && !post && !issueWrite && !changeFiles && !pullWrite) {
			return error(405, "method not allowed");
		}
		if (s.size() == 1 && s.get(0).equals("version")) {
			return json(Map.of("version", state.version));
		}
		if (s.size() == 2 && s.get(0).equals("orgs")) {
			return (state.org(s.get(1)) != null) ? json(Map.of("username", s.get(1), "visibility", "public"))
					: error(404, "GetOrgByName");
		}
		if (s.size() == 3 && s.get(0).equals("orgs") && s.get(2).equals("repos")) {
			return orgRepos(call, s.get(1));
		}
		if (s.size() == 3 && s.get(0).equals("orgs") && s.get(2).equals("labels")) {
			return issues.orgLabels(call, s.get(1));
		}
		if (s.size() < 3 || !s.get(0).equals("repos")) {
			return error(404, "The target couldn't be found.");
		}
		FakeGiteaRepo repo = state.repo(s.get(1), s.get(2));
		if (repo == null || (repo.isPrivate() && !call.authenticated())) {
			return error(404, "The target couldn't be found.");
		}
		if (s.size() == 3) {
			return json(repoJson(repo));
		}
		if (changeFiles) {
			return pulls.changeFiles(call, repo);
		}
		return switch (s.get(3)) {
			case "branches" -> (s.size() > 4) ? pulls.branch(call, repo) : error(404, "The target couldn't be found.");
			case "pulls" -> (s.size() <= 5) ? pulls.pulls(call, repo) : error(404, "The target couldn't be found.");
			case "contents", "contents-ext", "raw", "file-contents" -> contents.answer(call, repo);
			case "tags" -> (s.size() == 4) ? tags(call, repo) : error(404, "The target couldn't be found.");
			case "releases" -> (s.size() == 4) ? releases(call, repo) : error(404, "The target couldn't be found.");
			case "issues", "labels" -> issues.answer(call, repo);
			default -> error(404, "The target couldn't be found.");
		};
	}

	private FakeGiteaResponse orgRepos(Call call, String org) {
		if (state.org(org) == null) {
			return error(404, "GetOrgByName");
		}
		List<FakeGiteaRepo> all = state.repos(org);
		int limit = limit(call);
		int page = page(call);
		// Like Gitea: page over every repository, then drop those the caller cannot see.
		List<Map<String, Object>> visible = slice(all, page, limit).stream()
			.filter((repo) -> !repo.isPrivate() || call.authenticated())
			.map(this::repoJson)
			.toList();
		return paged(json(visible), call, all.size(), limit, page, true);
	}

	private FakeGiteaResponse tags(Call call, FakeGiteaRepo repo) {
		List<FakeGiteaRepo.Tag> tags = new ArrayList<>(repo.tags());
		tags.sort(Comparator.comparing(FakeGiteaRepo.Tag::date, Comparator.nullsLast(Comparator.reverseOrder())));
		int limit = limit(call);
		int page = page(call);
		List<Map<String, Object>> items = slice(tags, page, limit).stream().map((tag) -> tagJson(repo, tag)).toList();
		// Gitea's tag list sets X-Total-Count but no Link header.
		return paged(json(items), call, tags.size(), limit, page, false);
	}

	private FakeGiteaResponse releases(Call call, FakeGiteaRepo repo) {
		// Drafts are listed only to writers; with no token configured every caller counts as one.
		boolean writer = call.authenticated() || state.token == null;
		List<FakeGiteaRepo.Release> releases = new ArrayList<>(repo.releases().stream()
			.filter((release) -> writer || !release.draft())
			.toList());
		releases.sort(Comparator
			.comparing(FakeGiteaRepo.Release::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(FakeGiteaRepo.Release::id, Comparator.reverseOrder()));
		int limit = limit(call);
		int page = page(call);
		List<Map<String, Object>> items = slice(releases, page, limit).stream()
			.map((release) -> releaseJson(repo, release))
			.toList();
		return paged(json(items), call, releases.size(), limit, page, true);
	}

	/** One page of {@code all}, with {@code X-Total-Count} and {@code Link}, as Gitea's list endpoints answer. */
	FakeGiteaResponse page(Call call, List<?> all) {
		int limit = limit(call);
		int page = page(call);
		return paged(json(slice(all, page, limit)), call, all.size(), limit, page, true);
	}

	private FakeGiteaResponse paged(FakeGiteaResponse response, Call call, int total, int limit, int page,
			boolean link) {
		response.header("X-Total-Count", Integer.toString(total));
		if (link) {
			String links = FakeGiteaLinks.header((state.linkBase != null) ? state.linkBase.toString() : baseUrl,
					call.rawPath(), call.query(), total, limit, page);
			if (!links.isEmpty()) {
				response.header("Link", links);
			}
		}
		return response;
	}

	private int limit(Call call) {
		int limit = parse(call.query().get("limit"), 0);
		return Math.min((limit <= 0) ? DEFAULT_PAGING_NUM : limit, state.pageSize);
	}

	private static int page(Call call) {
		return Math.max(1, parse(call.query().get("page"), 1));
	}

	private static <T> List<T> slice(List<T> all, int page, int limit) {
		long from = Math.min((long) (page - 1) * limit, all.size());
		long to = Math.min(from + limit, all.size());
		return all.subList((int) from, (int) to);
	}

	Map<String, Object> repoJson(FakeGiteaRepo repo) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", repo.id());
		json.put("owner", Map.of("id", 1, "login", repo.owner(), "username", repo.owner()));
		json.put("name", repo.name());
		json.put("full_name", repo.owner() + "/" + repo.name());
		json.put("description", "");
		json.put("empty", repo.isEmpty());
		json.put("private", repo.isPrivate());
		json.put("fork", false);
		json.put("template", false);
		json.put("parent", null);
		json.put("mirror", false);
		json.put("size", repo.files().size());
		json.put("html_url", baseUrl + "/" + repo.owner() + "/" + repo.name());
		json.put("default_branch", repo.defaultBranchName());
		json.put("archived", repo.isArchived());
		json.put("permissions", Map.of("admin", false, "push", false, "pull", true));
		json.put("topics", List.of());
		return json;
	}

	private Map<String, Object> tagJson(FakeGiteaRepo repo, FakeGiteaRepo.Tag tag) {
		Map<String, Object> commit = new LinkedHashMap<>();
		commit.put("url", baseUrl + "/api/v1/repos/" + repo.owner() + "/" + repo.name() + "/git/commits/" + tag.sha());
		commit.put("sha", tag.sha());
		commit.put("created", time(tag.date()));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", tag.name());
		json.put("message", tag.name());
		json.put("id", tag.sha());
		json.put("commit", commit);
		json.put("zipball_url", baseUrl + "/" + repo.owner() + "/" + repo.name() + "/archive/" + tag.name() + ".zip");
		return json;
	}

	private Map<String, Object> releaseJson(FakeGiteaRepo repo, FakeGiteaRepo.Release release) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", release.id());
		json.put("tag_name", release.tagName());
		json.put("target_commitish", repo.defaultBranchName());
		json.put("name", release.tagName());
		json.put("body", "");
		json.put("draft", release.draft());
		json.put("prerelease", release.prerelease());
		json.put("created_at", time(release.publishedAt()));
		json.put("published_at", time(release.publishedAt()));
		json.put("author", Map.of("id", 1, "login", "release-bot"));
		json.put("assets", List.of());
		return json;
	}

	static String time(Instant instant) {
		if (instant == null) {
			return null;
		}
		return instant.atOffset(SERVER_OFFSET).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static int parse(String value, int fallback) {
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

	FakeGiteaResponse error(int status, String message) {
		return FakeGiteaResponse.error(mapper, status, message, baseUrl);
	}
}
