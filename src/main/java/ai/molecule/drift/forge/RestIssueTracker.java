package ai.molecule.drift.forge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What Gitea's and GitHub's issue APIs share (the same paths and fields); the subclasses supply their
 * paging parameters and how labels are named in a request (ids or names).
 */
abstract class RestIssueTracker implements IssueTracker {

	protected final ForgeUrls urls;

	protected final ForgeHttpClient http;

	protected final Paginator paginator;

	/** @param linkAlways a page without {@code Link} header is the last (GitHub); Gitea needs an empty page */
	RestIssueTracker(ForgeUrls urls, ForgeHttpClient http, boolean linkAlways) {
		this.urls = urls;
		this.http = http;
		this.paginator = new Paginator(http, linkAlways);
	}

	/** The URL of one page of a list: the forge's page-size parameter and the page number added. */
	protected abstract URI page(ForgeUrls.Builder list, int page);

	/** Labels as the forge wants them in a request body: Gitea ids, GitHub names. */
	protected abstract List<Object> labelRefs(List<Label> labels);

	/** A label colour as the forge wants it ({@code rrggbb}). */
	protected abstract String color(String rrggbb);

	/** Extra parameters of the issue list (Gitea's {@code type=issues}). */
	protected ForgeUrls.Builder issueList(String owner, String repo, State state) {
		return urls.api("repos", owner, repo, "issues").query("state", state.id());
	}

	@Override
	public List<Issue> issues(String owner, String repo, State state) {
		return paginator
			.readAll((page) -> page(issueList(owner, repo, state), page), IssuePayloads.Issue.class,
					(issue) -> Long.toString(issue.number()), () -> notFound(owner, repo))
			.stream()
			// Pull requests share the numbering and the list; never take one for our issue.
			.filter((issue) -> !issue.isPull())
			.map(IssuePayloads.Issue::toIssue)
			.toList();
	}

	@Override
	public Issue create(String owner, String repo, String title, String body, List<Label> labels) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("title", title);
		request.put("body", body);
		if (!labels.isEmpty()) {
			request.put("labels", labelRefs(labels));
		}
		URI uri = urls.api("repos", owner, repo, "issues").build();
		return http.read(http.write("POST", uri, request), IssuePayloads.Issue.class, uri).toIssue();
	}

	@Override
	public Issue edit(String owner, String repo, long number, String body, State state) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (body != null) {
			request.put("body", body);
		}
		if (state != null) {
			request.put("state", state.id());
		}
		URI uri = urls.api("repos", owner, repo, "issues", Long.toString(number)).build();
		// Gitea answers 201 here and GitHub 200: any 2xx will do.
		return http.read(http.write("PATCH", uri, request), IssuePayloads.Issue.class, uri).toIssue();
	}

	@Override
	public void addLabels(String owner, String repo, long number, List<Label> labels) {
		URI uri = urls.api("repos", owner, repo, "issues", Long.toString(number), "labels").build();
		http.write("POST", uri, Map.of("labels", labelRefs(labels)));
	}

	@Override
	public void comment(String owner, String repo, long number, String body) {
		URI uri = urls.api("repos", owner, repo, "issues", Long.toString(number), "comments").build();
		http.write("POST", uri, Map.of("body", body));
	}

	@Override
	public Label createLabel(String owner, String repo, String name, String color) {
		URI uri = urls.api("repos", owner, repo, "labels").build();
		JsonNode created = http.write("POST", uri, Map.of("name", name, "color", color(color)));
		return http.read(created, IssuePayloads.Label.class, uri).toLabel();
	}

	protected List<Label> repoLabels(String owner, String repo) {
		return paginator
			.readAll((page) -> page(urls.api("repos", owner, repo, "labels"), page), IssuePayloads.Label.class,
					IssuePayloads.Label::name, () -> notFound(owner, repo))
			.stream()
			.map(IssuePayloads.Label::toLabel)
			.toList();
	}

	protected ForgeException notFound(String owner, String repo) {
		return http.failure("tracking repository " + owner + "/" + repo
				+ " not found (or not visible with the configured token)");
	}
}
