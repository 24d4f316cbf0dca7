package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;
import ai.molecule.drift.lag.ReleaseTag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub client reads GitHub's answers as GitHub documents them: recorded answers ({@code fixtures/github},
 * checked against GitHub's REST description and GraphQL schema by the conformance tests) served from
 * 127.0.0.1, and the repositories, files, release tags and issues the client makes of them.
 */
class GitHubFixturesTests {

	/** Each recorded REST answer: the operation and status it answers, as {@code "METHOD template status"}. */
	static final List<Map.Entry<String, String>> FIXTURES = List.of(
			Map.entry("github/org-repos.json", "GET /orgs/{org}/repos 200"),
			Map.entry("github/repo.json", "GET /repos/{owner}/{repo} 200"),
			Map.entry("github/contents-root.json", "GET /repos/{owner}/{repo}/contents/{path} 200"),
			Map.entry("github/contents-runtime-version.json", "GET /repos/{owner}/{repo}/contents/{path} 200"),
			Map.entry("github/contents-dockerfile-followed.json", "GET /repos/{owner}/{repo}/contents/{path} 200"),
			Map.entry("github/contents-submodule.json", "GET /repos/{owner}/{repo}/contents/{path} 200"),
			Map.entry("github/contents-pyproject.json", "GET /repos/{owner}/{repo}/contents/{path} 200"),
			Map.entry("github/tags.json", "GET /repos/{owner}/{repo}/tags 200"),
			Map.entry("github/releases.json", "GET /repos/{owner}/{repo}/releases 200"),
			Map.entry("github/issues.json", "GET /repos/{owner}/{repo}/issues 200"),
			Map.entry("github/issue.json", "POST /repos/{owner}/{repo}/issues 201"),
			Map.entry("github/issue.json", "PATCH /repos/{owner}/{repo}/issues/{issue_number} 200"),
			Map.entry("github/comments.json", "GET /repos/{owner}/{repo}/issues/{issue_number}/comments 200"),
			Map.entry("github/comment.json", "POST /repos/{owner}/{repo}/issues/{issue_number}/comments 201"),
			Map.entry("github/issue-labels.json", "POST /repos/{owner}/{repo}/issues/{issue_number}/labels 200"),
			Map.entry("github/labels.json", "GET /repos/{owner}/{repo}/labels 200"),
			Map.entry("github/label.json", "POST /repos/{owner}/{repo}/labels 201"));

	private static final String API = "/api/v3";

	private static final String APP = API + "/repos/acme/molecule-ai-workspace-template-app";

	private static final String RUNTIME = API + "/repos/acme/runtime";

	private static final String TRACKER = API + "/repos/acme/drift-reports";

	private static final Set<String> PINS = Set.of(".runtime-version", "Dockerfile", "workspace", "molecule_runtime");

	private static final RepoRef APP_REF = new RepoRef("acme", "molecule-ai-workspace-template-app", "main", false,
			false, false);

	/** GitHub's 404: {@code basic-error}'s shape. */
	private final FixtureServer github = new FixtureServer("""
			{"message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"}""");

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void repositoriesAreListedWithTheirBranchAndState() {
		github.json("GET", API + "/orgs/acme/repos?page=1", 200, "github/org-repos.json")
			.body("GET", API + "/orgs/acme/repos", 200, "application/json", "[]")
			.json("GET", RUNTIME, 200, "github/repo.json");
		GitHubForge forge = forge(null);

		assertThat(forge.listRepos("acme")).containsExactly(APP_REF,
				new RepoRef("acme", "molecule-ai-workspace-template-legacy", "master", true, false, false),
				new RepoRef("acme", "runtime", "main", false, false, false));
		assertThat(forge.findRepo("acme", "runtime")).contains(new RepoRef("acme", "runtime", "main", false, false,
				false));
	}

	@Test
	void filesAreReadWithRestWithoutAToken() {
		github.json("GET", APP + "/contents/", 200, "github/contents-root.json")
			.json("GET", APP + "/contents/.runtime-version", 200, "github/contents-runtime-version.json")
			.json("GET", APP + "/contents/Dockerfile", 200, "github/contents-dockerfile-followed.json")
			.json("GET", APP + "/contents/workspace", 200, "github/contents-submodule.json")
			.json("GET", RUNTIME + "/contents/pyproject.toml", 200, "github/contents-pyproject.json");
		GitHubForge forge = forge(null);

		assertFiles(forge.readFiles(APP_REF, PINS));
		assertThat(forge.readFile("acme", "runtime", "pyproject.toml"))
			.contains("[project]\nname = \"molecule-ai-workspace-runtime\"\nversion = \"0.3.20\"\n");
	}

	@Test
	void filesAreReadWithGraphQlWithAToken() {
		github.json("POST", "/api/graphql", 200, "github/graphql-files.json")
			.json("GET", APP + "/contents/Dockerfile", 200, "github/contents-dockerfile-followed.json");
		GitHubForge forge = forge(TestForges.TOKEN);
		RepoRef gone = new RepoRef("acme", "molecule-ai-workspace-template-gone", "main", false, false, false);

		forge.readAhead(List.of(APP_REF, gone), PINS);
		assertFiles(forge.readFiles(APP_REF, PINS));
	}

	@Test
	void releaseTagsComeFromReleasesAndTags() {
		github.json("GET", RUNTIME + "/tags?page=1", 200, "github/tags.json")
			.body("GET", RUNTIME + "/tags", 200, "application/json", "[]")
			.json("GET", RUNTIME + "/releases?page=1", 200, "github/releases.json")
			.body("GET", RUNTIME + "/releases", 200, "application/json", "[]");
		// REST tags carry no date: a tag without a release has none.
		assertThat(forge(null).listReleaseTags("acme", "runtime")).containsExactly(
				new ReleaseTag("runtime-v0.3.20", Instant.parse("2026-05-02T10:00:00Z"), false, false),
				new ReleaseTag("runtime-v0.3.11", null, false, false),
				new ReleaseTag("runtime-v0.3.21", null, true, false),
				new ReleaseTag("runtime-v0.3.20-rc1", Instant.parse("2026-05-01T10:00:00Z"), false, true));
	}

	@Test
	void releaseTagsAreDatedThroughGraphQlWithAToken() {
		github.json("POST", "/api/graphql", 200, "github/graphql-tags.json")
			.json("GET", RUNTIME + "/releases?page=1", 200, "github/releases.json")
			.body("GET", RUNTIME + "/releases", 200, "application/json", "[]");
		// A lightweight tag is dated by its commit, an annotated one by its tagger, a release by its publication.
		assertThat(forge(TestForges.TOKEN).listReleaseTags("acme", "runtime")).containsExactly(
				new ReleaseTag("runtime-v0.3.11", Instant.parse("2026-05-01T10:00:00Z"), false, false),
				new ReleaseTag("runtime-v0.3.19", Instant.parse("2026-04-20T10:00:00Z"), false, false),
				new ReleaseTag("runtime-v0.3.20", Instant.parse("2026-05-02T10:00:00Z"), false, false),
				new ReleaseTag("runtime-v0.3.21", null, true, false),
				new ReleaseTag("runtime-v0.3.20-rc1", Instant.parse("2026-05-01T10:00:00Z"), false, true));
	}

	@Test
	void theTrackingIssueIsReadWrittenAndLabelled() {
		github.json("GET", TRACKER + "/issues?page=1", 200, "github/issues.json")
			.body("GET", TRACKER + "/issues", 200, "application/json", "[]")
			.json("POST", TRACKER + "/issues", 201, "github/issue.json")
			.json("PATCH", TRACKER + "/issues/7", 200, "github/issue.json")
			.json("POST", TRACKER + "/issues/7/labels", 200, "github/issue-labels.json")
			.json("GET", TRACKER + "/issues/7/comments?page=1", 200, "github/comments.json")
			.body("GET", TRACKER + "/issues/7/comments", 200, "application/json", "[]")
			.json("POST", TRACKER + "/issues/7/comments", 201, "github/comment.json")
			.json("GET", TRACKER + "/labels?page=1", 200, "github/labels.json")
			.body("GET", TRACKER + "/labels", 200, "application/json", "[]")
			.json("POST", TRACKER + "/labels", 201, "github/label.json");
		GitHubIssueTracker tracker = new GitHubIssueTracker(TestForges.settings(github.baseUrl(), TestForges.TOKEN),
				GitHubProperties.defaults(), TestForges.mapper(), sleeper, Clock.systemUTC());

		IssueTracker.Issue expected = new IssueTracker.Issue(7, "Consumer drift",
				"<!-- consumer-drift -->\nTwo templates lag the runtime.\n", true, List.of("consumer-drift"),
				"https://github.com/acme/drift-reports/issues/7");
		assertThat(tracker.issues("acme", "drift-reports", IssueTracker.State.OPEN)).containsExactly(expected);
		IssueTracker.Label drift = new IssueTracker.Label(208045946, "consumer-drift");
		assertThat(tracker.labels("acme", "drift-reports")).containsExactly(drift,
				new IssueTracker.Label(208045947, "bug"));
		assertThat(tracker.createLabel("acme", "drift-reports", "consumer-drift", "d73a4a")).isEqualTo(drift);
		assertThat(tracker.create("acme", "drift-reports", "Consumer drift", "body", List.of(drift))).isEqualTo(expected);
		assertThat(tracker.edit("acme", "drift-reports", 7, "body", IssueTracker.State.OPEN)).isEqualTo(expected);
		tracker.addLabels("acme", "drift-reports", 7, List.of(drift));
		tracker.comment("acme", "drift-reports", 7, "Drift went down to one template.");
		assertThat(tracker.comments("acme", "drift-reports", 7))
			.containsExactly(new IssueTracker.Comment(1146825, "Drift went down to one template."));
	}

	private GitHubForge forge(String token) {
		return new GitHubForge(TestForges.settings(github.baseUrl(), token), GitHubProperties.defaults(),
				TestForges.mapper(), sleeper, Clock.systemUTC());
	}

	private void assertFiles(RepoFiles files) {
		assertThat(files.topLevel()).containsExactly(new RepoFiles.TreeEntry(".runtime-version", RepoFiles.TreeEntry.Type.FILE),
				new RepoFiles.TreeEntry("Dockerfile", RepoFiles.TreeEntry.Type.SYMLINK),
				new RepoFiles.TreeEntry("docker", RepoFiles.TreeEntry.Type.DIR),
				new RepoFiles.TreeEntry("workspace", RepoFiles.TreeEntry.Type.SUBMODULE));
		// The link is read as its target's content, the submodule and the missing pin as nothing.
		assertThat(files.files()).containsOnly(Map.entry(".runtime-version", "0.3.11\n"),
				Map.entry("Dockerfile", "FROM python:3.12-slim\nRUN pip install molecule-ai-workspace-runtime==0.3.11\n"));
	}
}
