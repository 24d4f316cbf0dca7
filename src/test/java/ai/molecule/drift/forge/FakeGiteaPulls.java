package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The branch, multi-file commit and pull request endpoints of a {@link FakeGitea}, as Gitea 1.20+ has them:
 * {@code POST /contents} ({@code repoChangeFiles}) checks each updated file's blob {@code sha} (422 when it
 * does not match), refuses a {@code new_branch} that exists (422) and answers 201; pull requests share the
 * issues' numbering, a second open one for the same head and base is a 409, an edit answers 201; an
 * archived repository answers 423 and a token without write access 403. Called with the state's lock held.
 */
final class FakeGiteaPulls {

	private final FakeGiteaState state;

	private final FakeGiteaApi api;

	private final JsonMapper mapper;

	FakeGiteaPulls(FakeGiteaState state, FakeGiteaApi api, JsonMapper mapper) {
		this.state = state;
		this.api = api;
		this.mapper = mapper;
	}

	/** {@code GET /repos/{owner}/{repo}/branches/{branch}}: the branch name is the rest of the path. */
	FakeGiteaResponse branch(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		String name = String.join("/", call.segments().subList(4, call.segments().size()));
		if (!exists(repo, name)) {
			return api.error(404, "branch does not exist [name: " + name + "]");
		}
		Map<String, Object> commit = new LinkedHashMap<>();
		commit.put("id", FakeGiteaRepo.sha(repo.name() + "@" + name));
		commit.put("message", repo.heads().getOrDefault(name, "Initial commit"));
		commit.put("url", api.baseUrl() + "/" + repo.owner() + "/" + repo.name() + "/commit/" + commit.get("id"));
		commit.put("timestamp", FakeGiteaApi.time(FakeGitHubJson.CREATED));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", name);
		json.put("commit", commit);
		json.put("protected", name.equals(repo.defaultBranchName()));
		json.put("user_can_push", !state.readOnly);
		return json(200, json);
	}

	/** {@code POST /repos/{owner}/{repo}/contents}: one commit changing several files, on a new branch if asked. */
	FakeGiteaResponse changeFiles(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		Optional<FakeGiteaResponse> refused = refused(call, repo, "user should have a permission to write to the "
				+ "repository's code");
		if (refused.isPresent()) {
			return refused.get();
		}
		JsonNode body = body(call);
		if (body == null || !body.path("files").isArray() || body.path("files").isEmpty()) {
			return api.error(422, "[Files]: Required");
		}
		String base = body.path("branch").asString(repo.defaultBranchName());
		String target = body.path("new_branch").asString("");
		if (!exists(repo, base)) {
			return api.error(404, "branch does not exist [name: " + base + "]");
		}
		if (!target.isEmpty() && exists(repo, target)) {
			return api.error(422, "branch already exists [name: " + target + "]");
		}
		Map<String, byte[]> files = new TreeMap<>(files(repo, base));
		List<Object> changed = new ArrayList<>();
		for (JsonNode file : body.path("files").values()) {
			String path = file.path("path").asString("");
			if (!file.path("operation").asString("").equals("update")) {
				return api.error(422, "the fake supports the update operation only");
			}
			if (!files.containsKey(path)) {
				return api.error(404, "repository file does not exist [path: " + path + "]");
			}
			String expected = FakeGiteaRepo.blobSha(files.get(path));
			String given = file.path("sha").asString("");
			if (given.isEmpty()) {
				return api.error(422, "a SHA or commit ID must be provided when updating a file");
			}
			if (!given.equals(expected)) {
				return api.error(422, "sha does not match [given: " + given + ", expected: " + expected + "]");
			}
			try {
				files.put(path, Base64.getDecoder().decode(file.path("content").asString("")));
			}
			catch (IllegalArgumentException ex) {
				return api.error(422, "invalid base64 content of " + path);
			}
			changed.add(Map.of("name", path.substring(path.lastIndexOf('/') + 1), "path", path, "sha",
					FakeGiteaRepo.blobSha(files.get(path)), "type", "file", "size", files.get(path).length));
		}
		String branch = target.isEmpty() ? base : target;
		if (branch.equals(repo.defaultBranchName())) {
			repo.files().clear();
			repo.files().putAll(files);
		}
		else {
			repo.branches().put(branch, files);
		}
		repo.heads().put(branch, body.path("message").asString(""));
		state.commits++;
		String sha = FakeGiteaRepo.sha(repo.name() + "@" + branch + "#" + state.commits);
		Map<String, Object> commit = new LinkedHashMap<>();
		commit.put("sha", sha);
		commit.put("url", api.baseUrl() + "/api/v1/repos/" + repo.owner() + "/" + repo.name() + "/git/commits/" + sha);
		commit.put("html_url", api.baseUrl() + "/" + repo.owner() + "/" + repo.name() + "/commit/" + sha);
		commit.put("message", body.path("message").asString(""));
		commit.put("created", FakeGiteaApi.time(FakeGitHubJson.CREATED));
		return json(201, Map.of("files", changed, "commit", commit));
	}

	/** {@code /repos/{owner}/{repo}/pulls} and {@code /pulls/{index}}. */
	FakeGiteaResponse pulls(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		FakeIssues issues = state.issues(repo.owner(), repo.name());
		List<String> s = call.segments();
		if (s.size() == 4 && call.method().equals("GET")) {
			String wanted = call.query().getOrDefault("state", "open");
			List<FakeIssues.Issue> matching = new ArrayList<>(issues.issues.stream()
				.filter((issue) -> issue.pull)
				.filter((issue) -> wanted.equals("all") || (issue.open == wanted.equals("open")))
				.toList());
			Collections.reverse(matching);
			return api.page(call, matching.stream().map((pull) -> (Object) pullJson(repo, pull)).toList());
		}
		Optional<FakeGiteaResponse> refused = refused(call, repo, "user should have a permission to write to the "
				+ "repository's pull requests");
		if (refused.isPresent()) {
			return refused.get();
		}
		JsonNode body = body(call);
		if (body == null) {
			return api.error(422, "invalid JSON");
		}
		if (s.size() == 4 && call.method().equals("POST")) {
			return create(repo, issues, body);
		}
		Optional<FakeIssues.Issue> pull = (s.size() == 5 && call.method().equals("PATCH")) ? number(s.get(4))
			.flatMap(issues::issue).filter((issue) -> issue.pull) : Optional.empty();
		if (pull.isEmpty()) {
			return api.error(404, "The target couldn't be found.");
		}
		if (body.has("body")) {
			pull.get().body = body.path("body").asString("");
		}
		if (body.has("state")) {
			if (pull.get().merged) {
				return api.error(409, "cannot change state of this pull request, it was already merged");
			}
			pull.get().open = body.path("state").asString().equals("open");
		}
		pull.get().edits++;
		return json(201, pullJson(repo, pull.get()));
	}

	private FakeGiteaResponse create(FakeGiteaRepo repo, FakeIssues issues, JsonNode body) {
		String head = body.path("head").asString("");
		String base = body.path("base").asString("");
		if (body.path("title").asString("").isBlank()) {
			return api.error(422, "[Title]: Required");
		}
		if (!exists(repo, head) || !exists(repo, base)) {
			return api.error(404, "branch does not exist");
		}
		boolean duplicate = issues.issues.stream()
			.anyMatch((issue) -> issue.pull && issue.open && head.equals(issue.head) && base.equals(issue.base));
		if (duplicate) {
			return api.error(409, "pull request already exists for these targets");
		}
		FakeIssues.Issue pull = issues.addPull(body.path("title").asString(), body.path("body").asString(""), head, base);
		FakeIssues orgLabels = state.issues(repo.owner(), null);
		for (JsonNode id : body.path("labels").values()) {
			if (!id.isIntegralNumber()) {
				return api.error(422, "[Labels]: cannot unmarshal string into []int64");
			}
			issues.labelWithId(id.asLong()).or(() -> orgLabels.labelWithId(id.asLong()))
				.ifPresent((label) -> pull.labels.add(label.name()));
		}
		return json(201, pullJson(repo, pull));
	}

	private Map<String, Object> pullJson(FakeGiteaRepo repo, FakeIssues.Issue pull) {
		String page = api.baseUrl() + "/" + repo.owner() + "/" + repo.name() + "/pulls/" + pull.number;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", 5000 + pull.number);
		json.put("number", pull.number);
		json.put("title", pull.title);
		json.put("body", pull.body);
		json.put("state", pull.open ? "open" : "closed");
		json.put("html_url", page);
		json.put("diff_url", page + ".diff");
		json.put("url", page);
		json.put("user", Map.of("id", 7, "login", "drift-bot", "username", "drift-bot"));
		json.put("labels", pull.labels.stream().map((name) -> (Object) label(repo, name)).toList());
		json.put("head", branchInfo(repo, pull.head));
		json.put("base", branchInfo(repo, pull.base));
		json.put("merged", pull.merged);
		String created = FakeGiteaApi.time(FakeGitHubJson.CREATED.plusSeconds(60 * pull.number));
		json.put("merged_at", pull.merged ? created : null);
		json.put("created_at", created);
		json.put("updated_at", created);
		json.put("closed_at", pull.open ? null : created);
		json.put("comments", pull.comments.size());
		return json;
	}

	private Map<String, Object> label(FakeGiteaRepo repo, String name) {
		FakeIssues.Label label = state.issues(repo.owner(), repo.name()).labelNamed(name)
			.or(() -> state.issues(repo.owner(), null).labelNamed(name)).orElseThrow();
		return Map.of("id", label.id(), "name", label.name(), "color", label.color(), "description", "");
	}

	private Map<String, Object> branchInfo(FakeGiteaRepo repo, String branch) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("label", branch);
		json.put("ref", branch);
		json.put("sha", FakeGiteaRepo.sha(repo.name() + "@" + branch));
		json.put("repo_id", repo.id());
		json.put("repo", api.repoJson(repo));
		return json;
	}

	/** 401 without a token, 403 for a token that may only read, 423 for an archived repository. */
	private Optional<FakeGiteaResponse> refused(FakeGiteaApi.Call call, FakeGiteaRepo repo, String forbidden) {
		if (!call.authenticated()) {
			return Optional.of(api.error(401, "token is required"));
		}
		if (state.readOnly) {
			return Optional.of(api.error(403, forbidden));
		}
		if (repo.isArchived()) {
			return Optional.of(api.error(423, "repo is archived"));
		}
		return Optional.empty();
	}

	private static boolean exists(FakeGiteaRepo repo, String branch) {
		return branch.equals(repo.defaultBranchName()) || repo.branches().containsKey(branch);
	}

	private static Map<String, byte[]> files(FakeGiteaRepo repo, String branch) {
		return branch.equals(repo.defaultBranchName()) ? repo.files() : repo.branches().get(branch);
	}

	private JsonNode body(FakeGiteaApi.Call call) {
		try {
			return mapper.readTree(call.body());
		}
		catch (JacksonException ex) {
			return null;
		}
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
