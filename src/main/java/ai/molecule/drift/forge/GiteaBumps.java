package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Bump proposals on Gitea (1.20+, Forgejo too) through its REST API: the branch and its one commit in one
 * request of the contents API ({@code POST /repos/{owner}/{repo}/contents} with {@code new_branch}, each
 * file updated against the blob it had on the default branch), then the pull request with the label ids
 * of the run. The tool's pull requests are found in the repository's list of them, by branch and marker.
 */
final class GiteaBumps extends PullBumps {

	private static final int PAGE_LIMIT = 50;

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Paginator paginator;

	private final GiteaLabelIds labels;

	GiteaBumps(ForgeUrls urls, ForgeHttpClient http, Clock clock) {
		super(clock);
		this.urls = urls;
		this.http = http;
		this.paginator = new Paginator(http);
		this.labels = new GiteaLabelIds(urls, paginator);
	}

	@Override
	protected List<PullSummary> pulls(RepoRef repo) {
		return allPulls(urls, http, paginator, repo, "limit", PAGE_LIMIT);
	}

	@Override
	protected Optional<String> branchHead(RepoRef repo, String branch) {
		// One path parameter, as the description has it: its slashes are encoded (Gitea decodes the wildcard).
		URI uri = urls.api("repos", repo.owner(), repo.name(), "branches", branch).build();
		return http.getJson(uri).map((node) -> {
			PullPayloads.BranchHead found = http.read(node, PullPayloads.BranchHead.class, uri);
			return (found.commit() == null || found.commit().message() == null) ? "" : found.commit().message();
		});
	}

	@Override
	protected void commit(RepoRef repo, BumpRequest request) {
		Map<String, String> shas = blobShas(repo, request);
		List<Map<String, Object>> files = new ArrayList<>();
		request.files().forEach((path, bytes) -> {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("operation", "update");
			file.put("path", path);
			file.put("content", Base64.getEncoder().encodeToString(bytes));
			file.put("sha", shas.get(path));
			files.add(file);
		});
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("branch", repo.defaultBranch());
		body.put("new_branch", request.branch());
		body.put("message", request.title() + "\n\n" + request.marker());
		body.put("files", files);
		http.write("POST", urls.api("repos", repo.owner(), repo.name(), "contents").build(), body);
	}

	/**
	 * The blob each file has on the default branch, from the listing of its folder: Gitea refuses the
	 * update if the file changed since (its {@code sha} no longer matches), so nobody's change is lost.
	 */
	private Map<String, String> blobShas(RepoRef repo, BumpRequest request) {
		Map<String, String> shas = new HashMap<>();
		Map<String, List<PullPayloads.Entry>> listings = new HashMap<>();
		for (String path : request.files().keySet()) {
			String folder = (path.lastIndexOf('/') < 0) ? "" : path.substring(0, path.lastIndexOf('/'));
			for (PullPayloads.Entry entry : listings.computeIfAbsent(folder, (f) -> listing(repo, f))) {
				if (path.equals(entry.path()) && "file".equals(entry.type())) {
					shas.put(path, entry.sha());
				}
			}
			if (!shas.containsKey(path)) {
				throw new ForgeException(path + " is no longer a file on " + repo.defaultBranch() + " of "
						+ repo.fullName());
			}
		}
		return shas;
	}

	private List<PullPayloads.Entry> listing(RepoRef repo, String folder) {
		ForgeUrls.Builder builder = urls.api("repos", repo.owner(), repo.name(), "contents");
		URI uri = (folder.isEmpty() ? builder : builder.filePath(folder)).query("ref", repo.defaultBranch()).build();
		JsonNode listing = http.getJson(uri)
			.orElseThrow(() -> http.failure(ForgeHttpClient.describe(uri) + ": HTTP 404 (the folder is gone)"));
		if (!listing.isArray()) {
			throw http.failure(ForgeHttpClient.describe(uri) + ": expected the folder's listing");
		}
		List<PullPayloads.Entry> entries = new ArrayList<>();
		listing.values().forEach((node) -> entries.add(http.read(node, PullPayloads.Entry.class, uri)));
		return entries;
	}

	@Override
	protected PullSummary open(RepoRef repo, BumpRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("head", request.branch());
		body.put("base", repo.defaultBranch());
		body.put("title", request.title());
		body.put("body", request.body());
		List<Long> ids = labels.ids(repo, request.labels());
		if (!ids.isEmpty()) {
			body.put("labels", ids);
		}
		URI uri = urls.api("repos", repo.owner(), repo.name(), "pulls").build();
		return http.read(http.write("POST", uri, body), PullPayloads.Pull.class, uri).toSummary();
	}

	@Override
	protected void editBody(RepoRef repo, long number, String body) {
		http.write("PATCH", pull(repo, number), Map.of("body", body));
	}

	@Override
	protected void close(RepoRef repo, long number, String comment) {
		http.write("POST", urls.api("repos", repo.owner(), repo.name(), "issues", Long.toString(number), "comments")
			.build(), Map.of("body", comment));
		http.write("PATCH", pull(repo, number), Map.of("state", "closed"));
	}

	private URI pull(RepoRef repo, long number) {
		return urls.api("repos", repo.owner(), repo.name(), "pulls", Long.toString(number)).build();
	}
}
