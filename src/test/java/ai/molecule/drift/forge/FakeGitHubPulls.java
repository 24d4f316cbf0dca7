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
 * The git refs, commits and pull request endpoints of a {@link FakeGitHub}, and GraphQL's
 * {@code createCommitOnBranch}, as GitHub documents them: a ref that exists is a 422 "Reference already
 * exists", the mutation refuses a branch whose head is not {@code expectedHeadOid}, a second open pull
 * request for the same head is a 422, an edit answers 200, a token that may only read gets 403 "Resource not
 * accessible by personal access token". A branch's head commit is named by its message. Called with the
 * state's lock held.
 */
final class FakeGitHubPulls {

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final FakeGitHubJson shapes;

	private final String web;

	private final String api;

	FakeGitHubPulls(FakeGiteaState state, JsonMapper mapper, String baseUrl) {
		this.state = state;
		this.mapper = mapper;
		this.shapes = new FakeGitHubJson(baseUrl);
		this.web = baseUrl;
		this.api = baseUrl + "/api/v3";
	}

	/** {@code /repos/{owner}/{repo}/git/...}. */
	FakeGiteaResponse git(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		List<String> s = call.segments();
		String what = (s.size() > 4) ? s.get(4) : "";
		String rest = String.join("/", s.subList(Math.min(5, s.size()), s.size()));
		if (call.method().equals("GET") && what.equals("ref") && rest.startsWith("heads/")) {
			String branch = rest.substring("heads/".length());
			return exists(repo, branch) ? json(200, ref(repo, branch)) : error(404, "Not Found");
		}
		if (call.method().equals("GET") && what.equals("commits") && s.size() == 6) {
			for (String branch : branches(repo)) {
				if (head(repo, branch).equals(rest)) {
					return json(200, commit(repo, rest, message(repo, branch)));
				}
			}
			return error(404, "Not Found");
		}
		Optional<FakeGiteaResponse> refused = refused(call);
		if (refused.isPresent()) {
			return refused.get();
		}
		if (call.method().equals("POST") && what.equals("refs") && s.size() == 5) {
			JsonNode body = body(call);
			String ref = (body == null) ? "" : body.path("ref").asString("");
			if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
				return error(422, "Reference name must start with 'refs/' and have at least two slashes.");
			}
			String branch = ref.substring("refs/heads/".length());
			if (exists(repo, branch)) {
				return error(422, "Reference already exists");
			}
			if (!body.path("sha").asString("").equals(head(repo, repo.defaultBranchName()))) {
				return error(422, "Object does not exist");
			}
			repo.branches().put(branch, new TreeMap<>(repo.files()));
			repo.heads().put(branch, message(repo, repo.defaultBranchName()));
			return json(201, ref(repo, branch));
		}
		if (call.method().equals("DELETE") && what.equals("refs") && rest.startsWith("heads/")) {
			String branch = rest.substring("heads/".length());
			if (!repo.branches().containsKey(branch)) {
				return error(422, "Reference does not exist");
			}
			repo.branches().remove(branch);
			repo.heads().remove(branch);
			return FakeGiteaResponse.bytes(204, "application/json", new byte[0]);
		}
		return error(404, "Not Found");
	}

	/** GraphQL's {@code createCommitOnBranch}: the {@code data} or the {@code errors} of the answer. */
	Map<String, Object> createCommitOnBranch(JsonNode input, boolean authenticated) {
		if (state.readOnly) {
			return Map.of("errors", List.of(Map.of("type", "FORBIDDEN", "message",
					"Resource not accessible by personal access token", "path", List.of("createCommitOnBranch"))));
		}
		String[] nameWithOwner = input.path("branch").path("repositoryNameWithOwner").asString("").split("/", 2);
		FakeGiteaRepo repo = (nameWithOwner.length == 2) ? state.repo(nameWithOwner[0], nameWithOwner[1]) : null;
		String branch = input.path("branch").path("branchName").asString("");
		if (repo == null || !exists(repo, branch)) {
			return failure("NOT_FOUND", "Could not resolve to a Ref with the name '" + branch + "'.");
		}
		String expected = input.path("expectedHeadOid").asString("");
		if (!expected.equals(head(repo, branch))) {
			return failure("STALE_DATA", "Expected branch to point to \"" + expected + "\" but it did not. Pull and try "
					+ "again.");
		}
		Map<String, byte[]> files = branch.equals(repo.defaultBranchName()) ? repo.files() : repo.branches().get(branch);
		for (JsonNode addition : input.path("fileChanges").path("additions").values()) {
			files.put(addition.path("path").asString(), Base64.getDecoder().decode(addition.path("contents").asString()));
		}
		String headline = input.path("message").path("headline").asString("");
		String bodyText = input.path("message").path("body").asString("");
		state.commits++;
		// The commit counter keeps two commits of the same message apart, as their parents would.
		repo.heads().put(branch, (bodyText.isEmpty() ? headline : headline + "\n\n" + bodyText)
				+ "\n\n(commit " + state.commits + ")");
		String oid = head(repo, branch);
		return Map.of("data", Map.of("createCommitOnBranch", Map.of("commit",
				Map.of("oid", oid, "url", web + "/" + repo.owner() + "/" + repo.name() + "/commit/" + oid))));
	}

	/** {@code /repos/{owner}/{repo}/pulls} and {@code /pulls/{pull_number}}. */
	FakeGiteaResponse pulls(FakeGiteaApi.Call call, FakeGiteaRepo repo, FakeGitHubRest rest) {
		FakeIssues issues = state.issues(repo.owner(), repo.name());
		List<String> s = call.segments();
		if (s.size() == 4 && call.method().equals("GET")) {
			String wanted = call.query().getOrDefault("state", "open");
			List<FakeIssues.Issue> matching = new ArrayList<>(issues.issues.stream()
				.filter((issue) -> issue.pull)
				.filter((issue) -> wanted.equals("all") || (issue.open == wanted.equals("open")))
				.toList());
			Collections.reverse(matching);
			return rest.page(call, matching.stream().map((pull) -> (Object) pull(repo, pull, false)).toList());
		}
		Optional<FakeGiteaResponse> refused = refused(call);
		if (refused.isPresent()) {
			return refused.get();
		}
		JsonNode body = body(call);
		if (body == null) {
			return error(400, "Problems parsing JSON");
		}
		if (s.size() == 4 && call.method().equals("POST")) {
			String head = body.path("head").asString("");
			String base = body.path("base").asString("");
			if (!exists(repo, head) || !exists(repo, base)) {
				return error(422, "Validation Failed");
			}
			boolean duplicate = issues.issues.stream()
				.anyMatch((issue) -> issue.pull && issue.open && head.equals(issue.head) && base.equals(issue.base));
			if (duplicate) {
				return error(422, "A pull request already exists for " + repo.owner() + ":" + head + ".");
			}
			FakeIssues.Issue pull = issues.addPull(body.path("title").asString(""), body.path("body").asString(""), head,
					base);
			return json(201, pull(repo, pull, true));
		}
		Optional<FakeIssues.Issue> pull = (s.size() == 5 && call.method().equals("PATCH"))
				? number(s.get(4)).flatMap(issues::issue).filter((issue) -> issue.pull) : Optional.empty();
		if (pull.isEmpty()) {
			return error(404, "Not Found");
		}
		if (body.has("body")) {
			pull.get().body = body.path("body").asString("");
		}
		if (body.has("state") && !pull.get().merged) {
			pull.get().open = body.path("state").asString().equals("open");
		}
		pull.get().edits++;
		return json(200, pull(repo, pull.get(), true));
	}

	/** A {@code pull-request-simple}, or with {@code full} a {@code pull-request}. */
	private Map<String, Object> pull(FakeGiteaRepo repo, FakeIssues.Issue pull, boolean full) {
		// A pull request's labels have a string description (an issue's may be null).
		List<Object> labels = pull.labels.stream()
			.map((name) -> {
				Map<String, Object> label = new LinkedHashMap<>(shapes.label(repo.owner(), repo.name(),
						state.issues(repo.owner(), repo.name()).labelNamed(name).orElseThrow()));
				label.put("description", "");
				return (Object) label;
			})
			.toList();
		Map<String, Object> json = new LinkedHashMap<>(shapes.issue(repo.owner(), repo.name(), pull, labels));
		String url = api + "/repos/" + repo.owner() + "/" + repo.name() + "/pulls/" + pull.number;
		String page = web + "/" + repo.owner() + "/" + repo.name() + "/pull/" + pull.number;
		json.remove("pull_request");
		json.remove("repository_url");
		json.remove("labels_url");
		json.remove("events_url");
		json.remove("comments");
		json.put("url", url);
		json.put("html_url", page);
		json.put("diff_url", page + ".diff");
		json.put("patch_url", page + ".patch");
		json.put("issue_url", api + "/repos/" + repo.owner() + "/" + repo.name() + "/issues/" + pull.number);
		json.put("commits_url", url + "/commits");
		json.put("review_comments_url", url + "/comments");
		json.put("review_comment_url", api + "/repos/" + repo.owner() + "/" + repo.name() + "/pulls/comments{/number}");
		json.put("comments_url", api + "/repos/" + repo.owner() + "/" + repo.name() + "/issues/" + pull.number
				+ "/comments");
		json.put("statuses_url", api + "/repos/" + repo.owner() + "/" + repo.name() + "/statuses/"
				+ head(repo, pull.head));
		json.put("body", pull.body);
		json.put("merged_at", pull.merged ? FakeGitHubRest.time(FakeGitHubJson.CREATED) : null);
		json.put("merge_commit_sha", null);
		json.put("head", branch(repo, pull.head));
		json.put("base", branch(repo, pull.base));
		json.put("_links", Map.of("self", Map.of("href", url), "html", Map.of("href", page), "issue",
				Map.of("href", json.get("issue_url")), "comments", Map.of("href", json.get("comments_url")),
				"review_comments", Map.of("href", url + "/comments"), "review_comment",
				Map.of("href", json.get("review_comment_url")), "commits", Map.of("href", url + "/commits"), "statuses",
				Map.of("href", json.get("statuses_url"))));
		json.put("author_association", "MEMBER");
		json.put("auto_merge", null);
		json.put("draft", false);
		if (full) {
			json.put("merged", pull.merged);
			json.put("mergeable", null);
			json.put("mergeable_state", "unknown");
			json.put("merged_by", null);
			json.put("maintainer_can_modify", false);
			json.put("comments", pull.comments.size());
			json.put("review_comments", 0);
			json.put("commits", 1);
			json.put("additions", 3);
			json.put("deletions", 3);
			json.put("changed_files", 3);
		}
		return json;
	}

	private Map<String, Object> branch(FakeGiteaRepo repo, String name) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("label", repo.owner() + ":" + name);
		json.put("ref", name);
		json.put("sha", exists(repo, name) ? head(repo, name) : FakeGiteaRepo.sha(name));
		json.put("user", shapes.user(repo.owner(), 2, "Organization"));
		// The head's and base's repository is a "repository", which has has_downloads (a full one need not).
		Map<String, Object> repository = new LinkedHashMap<>(shapes.repository(repo, true));
		repository.put("has_downloads", true);
		json.put("repo", repository);
		return json;
	}

	private Map<String, Object> ref(FakeGiteaRepo repo, String branch) {
		String url = api + "/repos/" + repo.owner() + "/" + repo.name() + "/git/refs/heads/" + branch;
		String sha = head(repo, branch);
		return Map.of("ref", "refs/heads/" + branch, "node_id", "REF_" + sha, "url", url, "object", Map.of("type",
				"commit", "sha", sha, "url", api + "/repos/" + repo.owner() + "/" + repo.name() + "/git/commits/" + sha));
	}

	private Map<String, Object> commit(FakeGiteaRepo repo, String sha, String message) {
		String url = api + "/repos/" + repo.owner() + "/" + repo.name() + "/git/commits/" + sha;
		Map<String, Object> who = Map.of("name", "drift-bot", "email", "drift-bot@example.com", "date",
				FakeGitHubRest.time(FakeGitHubJson.CREATED));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("sha", sha);
		json.put("node_id", "C_" + sha);
		json.put("url", url);
		json.put("html_url", web + "/" + repo.owner() + "/" + repo.name() + "/commit/" + sha);
		json.put("author", who);
		json.put("committer", who);
		json.put("tree", Map.of("sha", FakeGiteaRepo.sha("tree" + sha), "url", url + "/tree"));
		json.put("message", message);
		json.put("parents", List.of());
		json.put("verification", verification());
		return json;
	}

	private static Map<String, Object> verification() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("verified", false);
		json.put("reason", "unsigned");
		json.put("signature", null);
		json.put("payload", null);
		json.put("verified_at", null);
		return json;
	}

	private Optional<FakeGiteaResponse> refused(FakeGiteaApi.Call call) {
		if (!call.authenticated()) {
			return Optional.of(error(401, "Requires authentication"));
		}
		if (state.readOnly) {
			return Optional.of(error(403, "Resource not accessible by personal access token"));
		}
		return Optional.empty();
	}

	private static List<String> branches(FakeGiteaRepo repo) {
		List<String> names = new ArrayList<>(repo.branches().keySet());
		names.add(repo.defaultBranchName());
		return names;
	}

	private static boolean exists(FakeGiteaRepo repo, String branch) {
		return branch.equals(repo.defaultBranchName()) || repo.branches().containsKey(branch);
	}

	/** The id of a branch's head commit, from its message: a new branch starts at its base's commit. */
	static String head(FakeGiteaRepo repo, String branch) {
		return FakeGiteaRepo.sha(repo.name() + ":" + message(repo, branch));
	}

	private static String message(FakeGiteaRepo repo, String branch) {
		return repo.heads().getOrDefault(branch, "Initial commit");
	}

	private static Map<String, Object> failure(String type, String message) {
		return Map.of("data", Collections.singletonMap("createCommitOnBranch", null), "errors",
				List.of(Map.of("type", type, "message", message, "path", List.of("createCommitOnBranch"))));
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

	private FakeGiteaResponse error(int status, String message) {
		return FakeGitHubRest.error(mapper, status, message);
	}
}
