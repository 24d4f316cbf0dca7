package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.DriftProperties;

/**
 * {@link IssueTracker} over Gitea's REST API v1: labels go by id in requests (and by name only in list
 * filters), an organisation's labels count as the repository's, an edit answers 201, and an issue's
 * comments come in one unpaged list.
 */
public final class GiteaIssueTracker extends RestIssueTracker {

	private static final int PAGE_LIMIT = 50;

	public GiteaIssueTracker(DriftProperties.Forge settings, JsonMapper mapper) {
		this(settings, mapper, Sleeper.real());
	}

	GiteaIssueTracker(DriftProperties.Forge settings, JsonMapper mapper, Sleeper sleeper) {
		super(ForgeUrls.gitea(settings.baseUrl()), new ForgeHttpClient(settings.baseUrl(), settings,
				ForgeDialect.gitea(ForgeDialect.userAgent()), mapper, sleeper), false);
	}

	@Override
	protected URI page(ForgeUrls.Builder list, int page) {
		return list.query("limit", PAGE_LIMIT).query("page", page).build();
	}

	@Override
	protected ForgeUrls.Builder issueList(String owner, String repo, State state) {
		// Without type=issues Gitea lists pull requests too.
		return super.issueList(owner, repo, state).query("type", "issues");
	}

	@Override
	protected List<Object> labelRefs(List<Label> labels) {
		return labels.stream().map((label) -> (Object) label.id()).toList();
	}

	@Override
	protected String color(String rrggbb) {
		return "#" + rrggbb;
	}

	@Override
	public List<Comment> comments(String owner, String repo, long number) {
		URI uri = urls.api("repos", owner, repo, "issues", Long.toString(number), "comments").build();
		JsonNode list = http.getJson(uri)
			.orElseThrow(() -> http.failure(ForgeHttpClient.describe(uri) + ": HTTP 404 (the issue is gone)"));
		if (!list.isArray()) {
			throw http.failure(ForgeHttpClient.describe(uri) + ": expected a JSON array of comments");
		}
		List<Comment> comments = new ArrayList<>();
		list.values().forEach((node) -> comments.add(http.read(node, IssuePayloads.Comment.class, uri).toComment()));
		return comments;
	}

	/** The repository's labels, then those of its organisation not shadowed by one of the same name. */
	@Override
	public List<Label> labels(String owner, String repo) {
		List<Label> labels = new ArrayList<>(repoLabels(owner, repo));
		Set<String> names = labels.stream().map((l) -> l.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		try {
			paginator
				.readAll((page) -> page(urls.api("orgs", owner, "labels"), page), IssuePayloads.Label.class,
						IssuePayloads.Label::name, NoOrganisation::new)
				.stream()
				.filter((label) -> names.add(label.name().toLowerCase(Locale.ROOT)))
				.forEach((label) -> labels.add(label.toLabel()));
		}
		catch (NoOrganisation ex) {
			// A user's repository: no organisation labels.
		}
		return labels;
	}

	/** The owner is a user, not an organisation. */
	private static final class NoOrganisation extends ForgeException {

		NoOrganisation() {
			super("no organisation");
		}
	}
}
