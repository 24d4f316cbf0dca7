package ai.molecule.drift.forge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a {@link FakeGitHub} answers with, with every property GitHub's REST description requires of
 * them ({@code simple-user}, {@code minimal-repository}, {@code full-repository}, {@code tag}, {@code release},
 * {@code issue}, {@code issue-comment}, {@code label}); {@code GitHubRestConformanceTests} holds them to it.
 */
final class FakeGitHubJson {

	/** When every fake repository, issue and comment was created; GitHub always gives a time. */
	static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

	/** The hypermedia URLs of a repository, by property: a path template under the repository's API URL. */
	private static final Map<String, String> URL_TEMPLATES = new LinkedHashMap<>();

	static {
		String[] pairs = { "forks_url", "forks", "keys_url", "keys{/key_id}", "collaborators_url",
				"collaborators{/collaborator}", "teams_url", "teams", "hooks_url", "hooks", "issue_events_url",
				"issues/events{/number}", "events_url", "events", "assignees_url", "assignees{/user}", "branches_url",
				"branches{/branch}", "tags_url", "tags", "blobs_url", "git/blobs{/sha}", "git_tags_url", "git/tags{/sha}",
				"git_refs_url", "git/refs{/sha}", "trees_url", "git/trees{/sha}", "statuses_url", "statuses/{sha}",
				"languages_url", "languages", "stargazers_url", "stargazers", "contributors_url", "contributors",
				"subscribers_url", "subscribers", "subscription_url", "subscription", "commits_url", "commits{/sha}",
				"git_commits_url", "git/commits{/sha}", "comments_url", "comments{/number}", "issue_comment_url",
				"issues/comments{/number}", "contents_url", "contents/{+path}", "compare_url", "compare/{base}...{head}",
				"merges_url", "merges", "archive_url", "{archive_format}{/ref}", "downloads_url", "downloads",
				"issues_url", "issues{/number}", "pulls_url", "pulls{/number}", "milestones_url", "milestones{/number}",
				"notifications_url", "notifications{?since,all,participating}", "labels_url", "labels{/name}",
				"releases_url", "releases{/id}", "deployments_url", "deployments" };
		for (int i = 0; i < pairs.length; i += 2) {
			URL_TEMPLATES.put(pairs[i], pairs[i + 1]);
		}
	}

	private final String web;

	private final String api;

	FakeGitHubJson(String baseUrl) {
		this.web = baseUrl;
		this.api = baseUrl + "/api/v3";
	}

	/** A {@code simple-user}: an organisation or user as other objects name it. */
	Map<String, Object> user(String login, long id, String type) {
		Map<String, Object> json = new LinkedHashMap<>();
		String url = api + "/users/" + login;
		json.put("login", login);
		json.put("id", id);
		json.put("node_id", "U_" + id);
		json.put("avatar_url", web + "/avatars/u/" + id);
		json.put("gravatar_id", "");
		json.put("url", url);
		json.put("html_url", web + "/" + login);
		json.put("followers_url", url + "/followers");
		json.put("following_url", url + "/following{/other_user}");
		json.put("gists_url", url + "/gists{/gist_id}");
		json.put("starred_url", url + "/starred{/owner}{/repo}");
		json.put("subscriptions_url", url + "/subscriptions");
		json.put("organizations_url", url + "/orgs");
		json.put("repos_url", url + "/repos");
		json.put("events_url", url + "/events{/privacy}");
		json.put("received_events_url", url + "/received_events");
		json.put("type", type);
		json.put("site_admin", false);
		return json;
	}

	/** A repository: {@code minimal-repository} as org listings give it, {@code full-repository} when {@code full}. */
	Map<String, Object> repository(FakeGiteaRepo repo, boolean full) {
		Map<String, Object> json = new LinkedHashMap<>();
		String url = api + "/repos/" + repo.owner() + "/" + repo.name();
		json.put("id", repo.id());
		json.put("node_id", "R_" + repo.id());
		json.put("name", repo.name());
		json.put("full_name", repo.owner() + "/" + repo.name());
		json.put("private", repo.isPrivate());
		json.put("owner", user(repo.owner(), 1, "Organization"));
		json.put("html_url", web + "/" + repo.owner() + "/" + repo.name());
		json.put("description", null);
		json.put("fork", false);
		json.put("url", url);
		URL_TEMPLATES.forEach((property, template) -> json.put(property, url + "/" + template));
		json.put("size", repo.files().size());
		json.put("default_branch", repo.defaultBranchName());
		json.put("archived", repo.isArchived());
		json.put("disabled", false);
		json.put("mirror_url", null);
		json.put("permissions", Map.of("admin", false, "push", false, "pull", true));
		if (full) {
			full(json, repo);
		}
		return json;
	}

	/** What {@code full-repository} requires besides {@code minimal-repository}. */
	private void full(Map<String, Object> json, FakeGiteaRepo repo) {
		String path = repo.owner() + "/" + repo.name();
		json.put("clone_url", web + "/" + path + ".git");
		json.put("git_url", web.replaceFirst("^https?", "git") + "/" + path + ".git");
		json.put("ssh_url", "git@" + web.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "") + ":" + path + ".git");
		json.put("svn_url", web + "/" + path);
		json.put("homepage", null);
		json.put("language", null);
		json.put("license", null);
		for (String flag : List.of("has_issues", "has_projects", "has_wiki", "has_pages", "has_discussions")) {
			json.put(flag, flag.equals("has_issues"));
		}
		for (String count : List.of("forks", "forks_count", "open_issues", "open_issues_count", "stargazers_count",
				"watchers", "watchers_count", "network_count", "subscribers_count")) {
			json.put(count, 0);
		}
		json.put("created_at", FakeGitHubRest.time(CREATED));
		json.put("updated_at", FakeGitHubRest.time(CREATED));
		json.put("pushed_at", FakeGitHubRest.time(CREATED));
	}

	/** A {@code tag}. */
	Map<String, Object> tag(FakeGiteaRepo repo, FakeGiteaRepo.Tag tag) {
		String url = api + "/repos/" + repo.owner() + "/" + repo.name();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", tag.name());
		json.put("commit", Map.of("sha", tag.sha(), "url", url + "/commits/" + tag.sha()));
		json.put("zipball_url", url + "/zipball/" + tag.name());
		json.put("tarball_url", url + "/tarball/" + tag.name());
		json.put("node_id", "REF_" + tag.sha());
		return json;
	}

	/** A {@code release}: created when published (a draft, never published, has a {@code null} {@code published_at}). */
	Map<String, Object> release(FakeGiteaRepo repo, FakeGiteaRepo.Release release) {
		String url = api + "/repos/" + repo.owner() + "/" + repo.name() + "/releases/" + release.id();
		String archive = api + "/repos/" + repo.owner() + "/" + repo.name();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", url);
		json.put("html_url", web + "/" + repo.owner() + "/" + repo.name() + "/releases/tag/" + release.tagName());
		json.put("assets_url", url + "/assets");
		json.put("upload_url", web + "/api/uploads/repos/" + repo.owner() + "/" + repo.name() + "/releases/"
				+ release.id() + "/assets{?name,label}");
		json.put("tarball_url", archive + "/tarball/" + release.tagName());
		json.put("zipball_url", archive + "/zipball/" + release.tagName());
		json.put("id", release.id());
		json.put("node_id", "RE_" + release.id());
		json.put("tag_name", release.tagName());
		json.put("target_commitish", repo.defaultBranchName());
		json.put("name", release.tagName());
		json.put("draft", release.draft());
		json.put("prerelease", release.prerelease());
		json.put("created_at", FakeGitHubRest.time(release.publishedAt()));
		json.put("published_at", release.draft() ? null : FakeGitHubRest.time(release.publishedAt()));
		json.put("author", user("release-bot", 2, "User"));
		json.put("assets", List.of());
		return json;
	}

	/** An {@code issue}; a pull request carries its {@code pull_request} links, as GitHub's issue lists give them. */
	Map<String, Object> issue(String owner, String name, FakeIssues.Issue issue, List<Object> labels) {
		String repoUrl = api + "/repos/" + owner + "/" + name;
		String url = repoUrl + "/issues/" + issue.number;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", 1000 + issue.number);
		json.put("node_id", "I_" + issue.number);
		json.put("url", url);
		json.put("repository_url", repoUrl);
		json.put("labels_url", url + "/labels{/name}");
		json.put("comments_url", url + "/comments");
		json.put("events_url", url + "/events");
		json.put("html_url", web + "/" + owner + "/" + name + (issue.pull ? "/pull/" : "/issues/") + issue.number);
		json.put("number", issue.number);
		json.put("title", issue.title);
		json.put("user", user("drift-bot", 3, "User"));
		json.put("labels", labels);
		json.put("state", issue.open ? "open" : "closed");
		json.put("locked", false);
		json.put("assignee", null);
		json.put("milestone", null);
		json.put("comments", issue.comments.size());
		json.put("created_at", FakeGitHubRest.time(CREATED));
		json.put("updated_at", FakeGitHubRest.time(CREATED.plusSeconds(issue.edits)));
		json.put("closed_at", issue.open ? null : FakeGitHubRest.time(CREATED.plusSeconds(issue.edits)));
		json.put("body", issue.body.isEmpty() ? null : issue.body);
		if (issue.pull) {
			String pull = web + "/" + owner + "/" + name + "/pull/" + issue.number;
			Map<String, Object> links = new LinkedHashMap<>();
			links.put("url", repoUrl + "/pulls/" + issue.number);
			links.put("html_url", pull);
			links.put("diff_url", pull + ".diff");
			links.put("patch_url", pull + ".patch");
			links.put("merged_at", null);
			json.put("pull_request", links);
		}
		return json;
	}

	/** An {@code issue-comment}. */
	Map<String, Object> comment(String owner, String name, FakeIssues.Issue issue, int index) {
		long id = issue.number * 1000 + index;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("node_id", "IC_" + id);
		json.put("url", api + "/repos/" + owner + "/" + name + "/issues/comments/" + id);
		json.put("html_url", web + "/" + owner + "/" + name + "/issues/" + issue.number + "#issuecomment-" + id);
		json.put("issue_url", api + "/repos/" + owner + "/" + name + "/issues/" + issue.number);
		json.put("body", issue.comments.get(index));
		json.put("user", user("drift-bot", 3, "User"));
		json.put("created_at", FakeGitHubRest.time(CREATED.plusSeconds(index)));
		json.put("updated_at", FakeGitHubRest.time(CREATED.plusSeconds(index)));
		return json;
	}

	/** A {@code label}. */
	Map<String, Object> label(String owner, String name, FakeIssues.Label label) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", label.id());
		json.put("node_id", "LA_" + label.id());
		json.put("url", api + "/repos/" + owner + "/" + name + "/labels/" + label.name());
		json.put("name", label.name());
		json.put("description", null);
		json.put("color", label.color());
		json.put("default", false);
		return json;
	}
}
