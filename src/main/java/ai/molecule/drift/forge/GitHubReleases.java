package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ai.molecule.drift.forge.GitHubPayloads.Release;
import ai.molecule.drift.forge.GitHubPayloads.Tag;
import ai.molecule.drift.lag.ReleaseTag;
import tools.jackson.databind.JsonNode;

/**
 * The runtime repository's tags and releases on GitHub. REST tags carry no date, so with a token the
 * tags come from one paged GraphQL {@code refs} query with their tagger (annotated) or commit date, as
 * Gitea gives them; without one, a tag without a release has no date. Releases always come from REST.
 */
final class GitHubReleases {

	private static final int PER_PAGE = 100;

	/** The tags query; package-private for the conformance test against GitHub's published schema. */
	static final String TAGS_QUERY = """
			query($owner: String!, $name: String!, $after: String) {
			  repository(owner: $owner, name: $name) {
			    refs(refPrefix: "refs/tags/", first: 100, after: $after) {
			      pageInfo { hasNextPage endCursor }
			      nodes {
			        name
			        target {
			          __typename
			          ... on Commit { committedDate }
			          ... on Tag { tagger { date } target { ... on Commit { committedDate } } }
			        }
			      }
			    }
			  }
			}
			""";

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Paginator paginator;

	private final GitHubGraphQl graphql;

	private final boolean useGraphql;

	GitHubReleases(ForgeUrls urls, ForgeHttpClient http, Paginator paginator, GitHubGraphQl graphql,
			boolean useGraphql) {
		this.urls = urls;
		this.http = http;
		this.paginator = paginator;
		this.graphql = graphql;
		this.useGraphql = useGraphql;
	}

	List<ReleaseTag> list(String owner, String repo, Supplier<ForgeException> notFound) {
		List<ReleaseTags.TagInfo> tags = useGraphql ? graphqlTags(owner, repo, notFound) : restTags(owner, repo, notFound);
		List<ReleaseTags.ReleaseInfo> releases = paginator
			.readAll((page) -> list(owner, repo, "releases", page), Release.class, Release::tagName, notFound)
			.stream()
			.map((release) -> new ReleaseTags.ReleaseInfo(release.tagName(), release.draft(), release.prerelease(),
					GiteaPayloads.instant(release.publishedAt())))
			.toList();
		return ReleaseTags.merge(tags, releases);
	}

	private List<ReleaseTags.TagInfo> restTags(String owner, String repo, Supplier<ForgeException> notFound) {
		return paginator.readAll((page) -> list(owner, repo, "tags", page), Tag.class, Tag::name, notFound)
			.stream()
			.map((tag) -> new ReleaseTags.TagInfo(tag.name(), null))
			.toList();
	}

	private List<ReleaseTags.TagInfo> graphqlTags(String owner, String repo, Supplier<ForgeException> notFound) {
		Map<String, ReleaseTags.TagInfo> tags = new LinkedHashMap<>();
		Set<String> cursors = new HashSet<>();
		String after = null;
		for (int page = 1;; page++) {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("owner", owner);
			variables.put("name", repo);
			variables.put("after", after);
			GitHubGraphQl.Result result = graphql.query(TAGS_QUERY, variables);
			if (result.errors().stream().anyMatch((e) -> e.type().equals("NOT_FOUND"))
					&& result.data().path("repository").isNull()) {
				throw notFound.get();
			}
			JsonNode refs = result.requireComplete(http).data().path("repository").path("refs");
			for (JsonNode node : refs.path("nodes").values()) {
				String name = node.path("name").asString(null);
				if (name != null) {
					tags.putIfAbsent(name, new ReleaseTags.TagInfo(name, GiteaPayloads.instant(date(node.path("target")))));
				}
			}
			JsonNode pageInfo = refs.path("pageInfo");
			if (!pageInfo.path("hasNextPage").asBoolean(false)) {
				return new ArrayList<>(tags.values());
			}
			after = pageInfo.path("endCursor").asString(null);
			if (after == null || !cursors.add(after) || page >= Paginator.MAX_PAGES) {
				throw http.failure(result.request() + ": the tags of " + owner + "/" + repo
						+ " page inconsistently (a cursor repeats or is missing)");
			}
		}
	}

	/** An annotated tag's tagger date, else the commit date, as Gitea's {@code commit.created} has it. */
	private static String date(JsonNode target) {
		if (target.path("__typename").asString("").equals("Tag")) {
			String tagged = target.path("tagger").path("date").asString(null);
			return (tagged != null) ? tagged : target.path("target").path("committedDate").asString(null);
		}
		return target.path("committedDate").asString(null);
	}

	private URI list(String owner, String repo, String what, int page) {
		return urls.api("repos", owner, repo, what).query("per_page", PER_PAGE).query("page", page).build();
	}
}
