package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.DriftProperties;

/**
 * {@link IssueTracker} over GitHub's REST API: labels go by name, an edit answers 200, lists page with
 * {@code per_page} and {@code link}, and requests that change something are spaced as GitHub asks.
 */
public final class GitHubIssueTracker extends RestIssueTracker {

	private static final int PER_PAGE = 100;

	public GitHubIssueTracker(DriftProperties.Forge settings, GitHubProperties github, JsonMapper mapper) {
		this(settings, github, mapper, Sleeper.real(), Clock.systemUTC());
	}

	GitHubIssueTracker(DriftProperties.Forge settings, GitHubProperties github, JsonMapper mapper, Sleeper sleeper,
			Clock clock) {
		super(ForgeUrls.github(settings.baseUrl()), new ForgeHttpClient(ForgeUrls.github(settings.baseUrl()).api().build(),
				settings, GitHubForge.dialect(github, clock), mapper, sleeper), true);
	}

	@Override
	protected URI page(ForgeUrls.Builder list, int page) {
		return list.query("per_page", PER_PAGE).query("page", page).build();
	}

	@Override
	protected List<Object> labelRefs(List<Label> labels) {
		return labels.stream().map((label) -> (Object) label.name()).toList();
	}

	@Override
	protected String color(String rrggbb) {
		return rrggbb;
	}

	@Override
	public List<Comment> comments(String owner, String repo, long number) {
		return paginator
			.readAll((page) -> page(urls.api("repos", owner, repo, "issues", Long.toString(number), "comments"), page),
					IssuePayloads.Comment.class, (comment) -> Long.toString(comment.id()),
					() -> http.failure("issue #" + number + " of " + owner + "/" + repo + " not found"))
			.stream()
			.map(IssuePayloads.Comment::toComment)
			.toList();
	}

	@Override
	public List<Label> labels(String owner, String repo) {
		return repoLabels(owner, repo);
	}
}
