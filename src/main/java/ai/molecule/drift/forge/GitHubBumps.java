package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Bump proposals on GitHub: the branch is created at the default branch's head ({@code POST git/refs}), its
 * one commit for all files is made with GraphQL's {@code createCommitOnBranch} (which refuses if the branch
 * moved: {@code expectedHeadOid}), then the pull request and its labels (only labels that exist: adding
 * others would create them). Content-creating requests are paced by a {@link ContentPacer}.
 */
final class GitHubBumps extends PullBumps {

	private static final int PER_PAGE = 100;

	static final String COMMIT = """
			mutation($input: CreateCommitOnBranchInput!) {
			  createCommitOnBranch(input: $input) { commit { oid url } }
			}""";

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Paginator paginator;

	private final GitHubGraphQl graphql;

	private final ContentPacer pacer;

	private final Map<String, List<String>> labels = new LinkedHashMap<>();

	GitHubBumps(ForgeUrls urls, ForgeHttpClient http, GitHubGraphQl graphql, ContentPacer pacer, Clock clock) {
		super(clock);
		this.urls = urls;
		this.http = http;
		this.paginator = new Paginator(http, true);
		this.graphql = graphql;
		this.pacer = pacer;
	}

	@Override
	protected void beforeWrite() {
		pacer.beforeWrite();
	}

	@Override
	protected void beforeNewProposal(int toClose) {
		// The ref, the commit, the pull request, its labels, and a comment and a close per older proposal.
		pacer.reserve(4 + 2 * toClose);
	}

	@Override
	protected List<PullSummary> pulls(RepoRef repo) {
		return allPulls(urls, http, paginator, repo, "per_page", PER_PAGE);
	}

	@Override
	protected Optional<String> branchHead(RepoRef repo, String branch) {
		return headSha(repo, branch).map((sha) -> {
			URI uri = urls.api("repos", repo.owner(), repo.name(), "git", "commits", sha).build();
			JsonNode commit = http.getJson(uri).orElseThrow(() -> http.failure(ForgeHttpClient.describe(uri)
					+ ": HTTP 404 (the branch's head commit is gone)"));
			return commit.path("message").asString("");
		});
	}

	private Optional<String> headSha(RepoRef repo, String branch) {
		// One path parameter, as the description has it: {ref} is "heads/<branch>", its slashes encoded.
		URI uri = urls.api("repos", repo.owner(), repo.name(), "git", "ref", "heads/" + branch).build();
		return http.getJson(uri).map((ref) -> ref.path("object").path("sha").asString(""));
	}

	@Override
	protected void commit(RepoRef repo, BumpRequest request) {
		String base = headSha(repo, repo.defaultBranch())
			.orElseThrow(() -> new ForgeException("the default branch " + repo.defaultBranch() + " is gone"));
		http.write("POST", urls.api("repos", repo.owner(), repo.name(), "git", "refs").build(),
				Map.of("ref", "refs/heads/" + request.branch(), "sha", base));
		List<Map<String, Object>> additions = new ArrayList<>();
		request.files().forEach((path, bytes) -> additions.add(Map.of("path", path, "contents",
				Base64.getEncoder().encodeToString(bytes))));
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("branch", Map.of("repositoryNameWithOwner", repo.fullName(), "branchName", request.branch()));
		input.put("message", Map.of("headline", request.title(), "body", request.marker()));
		input.put("fileChanges", Map.of("additions", additions));
		input.put("expectedHeadOid", base);
		try {
			beforeWrite();
			GitHubGraphQl.Result result = graphql.mutate(COMMIT, Map.of("input", input)).requireComplete(http);
			if (!result.data().path("createCommitOnBranch").path("commit").isObject()) {
				throw http.failure(result.request() + ": createCommitOnBranch answered no commit");
			}
		}
		catch (ForgeException ex) {
			// A branch without the tool's commit would look like someone else's on the next night.
			http.send(ForgeRequest.write("DELETE", urls.api("repos", repo.owner(), repo.name(), "git", "refs",
					"heads/" + request.branch()).build(), new byte[0]));
			throw ex;
		}
	}

	@Override
	protected PullSummary open(RepoRef repo, BumpRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", request.title());
		body.put("head", request.branch());
		body.put("base", repo.defaultBranch());
		body.put("body", request.body());
		URI uri = urls.api("repos", repo.owner(), repo.name(), "pulls").build();
		PullSummary pull = http.read(http.write("POST", uri, body), PullPayloads.Pull.class, uri).toSummary();
		List<String> existing = existingLabels(repo, request.labels());
		if (!existing.isEmpty()) {
			beforeWrite();
			http.write("POST", urls.api("repos", repo.owner(), repo.name(), "issues", Long.toString(pull.number()),
					"labels").build(), Map.of("labels", existing));
		}
		return pull;
	}

	/** The wanted labels the repository has, read once per repository and run. */
	private synchronized List<String> existingLabels(RepoRef repo, List<String> wanted) {
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<String> names = labels.computeIfAbsent(repo.fullName().toLowerCase(java.util.Locale.ROOT),
				(key) -> paginator
					.readAll((page) -> urls.api("repos", repo.owner(), repo.name(), "labels").query("per_page", PER_PAGE)
						.query("page", page).build(), IssuePayloads.Label.class, IssuePayloads.Label::name,
							() -> http.failure("the labels of " + repo.fullName() + " cannot be read"))
					.stream()
					.map((label) -> label.name().toLowerCase(java.util.Locale.ROOT))
					.toList());
		return wanted.stream().filter((name) -> names.contains(name.toLowerCase(java.util.Locale.ROOT))).toList();
	}

	@Override
	protected void editBody(RepoRef repo, long number, String body) {
		http.write("PATCH", pull(repo, number), Map.of("body", body));
	}

	@Override
	protected void close(RepoRef repo, long number, String comment) {
		http.write("POST", urls.api("repos", repo.owner(), repo.name(), "issues", Long.toString(number), "comments")
			.build(), Map.of("body", comment));
		beforeWrite();
		http.write("PATCH", pull(repo, number), Map.of("state", "closed"));
	}

	private URI pull(RepoRef repo, long number) {
		return urls.api("repos", repo.owner(), repo.name(), "pulls", Long.toString(number)).build();
	}
}
