package ai.molecule.drift.forge;

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
 * The Gitea client reads Gitea's answers as Gitea documents them: recorded answers ({@code fixtures/gitea},
 * checked against Gitea's description by {@code GiteaRestConformanceTests}) served from 127.0.0.1, and the
 * repositories, files, release tags and issues the client makes of them.
 */
class GiteaFixturesTests {

	/** Each recorded answer: the operation and status it answers, as {@code "METHOD template status"}. */
	static final List<Map.Entry<String, String>> FIXTURES = List.of(
			Map.entry("gitea/org-repos.json", "GET /orgs/{org}/repos 200"),
			Map.entry("gitea/repo.json", "GET /repos/{owner}/{repo} 200"),
			Map.entry("gitea/contents-root.json", "GET /repos/{owner}/{repo}/contents 200"),
			Map.entry("gitea/contents-ext-root.json", "GET /repos/{owner}/{repo}/contents-ext/{filepath} 200"),
			Map.entry("gitea/file-contents.json", "GET /repos/{owner}/{repo}/file-contents 200"),
			Map.entry("gitea/contents-runtime-version.json", "GET /repos/{owner}/{repo}/contents/{filepath} 200"),
			Map.entry("gitea/contents-dockerfile.json", "GET /repos/{owner}/{repo}/contents/{filepath} 200"),
			Map.entry("gitea/contents-submodule.json", "GET /repos/{owner}/{repo}/contents/{filepath} 200"),
			Map.entry("gitea/contents-pyproject.json", "GET /repos/{owner}/{repo}/contents/{filepath} 200"),
			Map.entry("gitea/tags.json", "GET /repos/{owner}/{repo}/tags 200"),
			Map.entry("gitea/releases.json", "GET /repos/{owner}/{repo}/releases 200"),
			Map.entry("gitea/issues.json", "GET /repos/{owner}/{repo}/issues 200"),
			Map.entry("gitea/issue.json", "POST /repos/{owner}/{repo}/issues 201"),
			Map.entry("gitea/issue.json", "PATCH /repos/{owner}/{repo}/issues/{index} 201"),
			Map.entry("gitea/comments.json", "GET /repos/{owner}/{repo}/issues/{index}/comments 200"),
			Map.entry("gitea/comment.json", "POST /repos/{owner}/{repo}/issues/{index}/comments 201"),
			Map.entry("gitea/issue-labels.json", "POST /repos/{owner}/{repo}/issues/{index}/labels 200"),
			Map.entry("gitea/labels.json", "GET /repos/{owner}/{repo}/labels 200"),
			Map.entry("gitea/label.json", "POST /repos/{owner}/{repo}/labels 201"),
			Map.entry("gitea/org-labels.json", "GET /orgs/{org}/labels 200"));

	private static final String API = "/api/v1";

	private static final String APP = API + "/repos/acme/molecule-ai-workspace-template-app";

	private static final String RUNTIME = API + "/repos/acme/runtime";

	private static final String TRACKER = API + "/repos/acme/drift-reports";

	private static final Set<String> PINS = Set.of(".runtime-version", "Dockerfile", "workspace", "molecule_runtime");

	private static final RepoRef APP_REF = new RepoRef("acme", "molecule-ai-workspace-template-app", "main", false,
			false, false);

	/** Gitea's 404: {@code APIError}'s shape. */
	private final FixtureServer gitea = new FixtureServer("""
			{"errors": null, "message": "The target couldn't be found.", "url": "https://git.example.com/api/swagger"}""");

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void repositoriesAreListedWithTheirBranchAndState() {
		gitea.json("GET", API + "/orgs/acme/repos?page=1", 200, "gitea/org-repos.json")
			.body("GET", API + "/orgs/acme/repos", 200, "application/json", "[]")
			.json("GET", RUNTIME, 200, "gitea/repo.json");
		GiteaForge forge = forge();

		assertThat(forge.listRepos("acme")).containsExactly(APP_REF,
				new RepoRef("acme", "molecule-ai-workspace-template-legacy", "master", true, false, false),
				new RepoRef("acme", "runtime", "main", false, false, false));
		assertThat(forge.findRepo("acme", "runtime")).contains(new RepoRef("acme", "runtime", "main", false, false,
				false));
	}

	@Test
	void filesAreReadWithTheBatchEndpointAndALinkIsFollowedToItsTarget() {
		gitea.json("GET", APP + "/contents-ext/", 200, "gitea/contents-ext-root.json")
			.json("GET", APP + "/file-contents", 200, "gitea/file-contents.json")
			.json("GET", APP + "/contents/docker/Dockerfile", 200, "gitea/contents-dockerfile.json")
			.json("GET", APP + "/contents/workspace", 200, "gitea/contents-submodule.json");

		assertFiles(forge().readFiles(APP_REF, PINS));
	}

	@Test
	void filesAreReadOneByOneBefore124() {
		gitea.json("GET", APP + "/contents", 200, "gitea/contents-root.json")
			.json("GET", APP + "/contents/.runtime-version", 200, "gitea/contents-runtime-version.json")
			.json("GET", APP + "/contents/docker/Dockerfile", 200, "gitea/contents-dockerfile.json")
			.json("GET", APP + "/contents/workspace", 200, "gitea/contents-submodule.json");

		assertFiles(forge().readFiles(APP_REF, PINS));
		gitea.json("GET", RUNTIME + "/contents/pyproject.toml", 200, "gitea/contents-pyproject.json");
		assertThat(forge().readFile("acme", "runtime", "pyproject.toml"))
			.contains("[project]\nname = \"molecule-ai-workspace-runtime\"\nversion = \"0.3.20\"\n");
	}

	@Test
	void releaseTagsComeFromReleasesAndTags() {
		gitea.json("GET", RUNTIME + "/tags?page=1", 200, "gitea/tags.json")
			.body("GET", RUNTIME + "/tags", 200, "application/json", "[]")
			.json("GET", RUNTIME + "/releases?page=1", 200, "gitea/releases.json")
			.body("GET", RUNTIME + "/releases", 200, "application/json", "[]");

		// Newest first as Gitea answers; a release's date is its publication, a bare tag's its commit's.
		assertThat(forge().listReleaseTags("acme", "runtime")).containsExactly(
				new ReleaseTag("runtime-v0.3.20", Instant.parse("2026-05-02T10:00:00Z"), false, false),
				new ReleaseTag("runtime-v0.3.11", Instant.parse("2026-05-01T10:00:00Z"), false, false),
				new ReleaseTag("runtime-v0.3.21", null, true, false),
				new ReleaseTag("runtime-v0.3.20-rc1", Instant.parse("2026-05-01T10:00:00Z"), false, true));
	}

	@Test
	void theTrackingIssueIsReadWrittenAndLabelled() {
		gitea.json("GET", TRACKER + "/issues?page=1", 200, "gitea/issues.json")
			.body("GET", TRACKER + "/issues", 200, "application/json", "[]")
			.json("POST", TRACKER + "/issues", 201, "gitea/issue.json")
			.json("PATCH", TRACKER + "/issues/7", 201, "gitea/issue.json")
			.json("POST", TRACKER + "/issues/7/labels", 200, "gitea/issue-labels.json")
			.json("GET", TRACKER + "/issues/7/comments", 200, "gitea/comments.json")
			.json("POST", TRACKER + "/issues/7/comments", 201, "gitea/comment.json")
			.json("GET", TRACKER + "/labels?page=1", 200, "gitea/labels.json")
			.body("GET", TRACKER + "/labels", 200, "application/json", "[]")
			.json("POST", TRACKER + "/labels", 201, "gitea/label.json")
			.json("GET", API + "/orgs/acme/labels?page=1", 200, "gitea/org-labels.json")
			.body("GET", API + "/orgs/acme/labels", 200, "application/json", "[]");
		GiteaIssueTracker tracker = new GiteaIssueTracker(TestForges.settings(gitea.baseUrl(), TestForges.TOKEN),
				TestForges.mapper(), sleeper);

		IssueTracker.Issue expected = new IssueTracker.Issue(7, "Consumer drift",
				"<!-- consumer-drift -->\nTwo templates lag the runtime.\n", true, List.of("consumer-drift"),
				"https://git.example.com/acme/drift-reports/issues/7");
		assertThat(tracker.issues("acme", "drift-reports", IssueTracker.State.OPEN)).containsExactly(expected);
		IssueTracker.Label drift = new IssueTracker.Label(5, "consumer-drift");
		assertThat(tracker.labels("acme", "drift-reports")).containsExactlyInAnyOrder(drift,
				new IssueTracker.Label(6, "bug"), new IssueTracker.Label(2, "org-wide"));
		assertThat(tracker.createLabel("acme", "drift-reports", "consumer-drift", "d73a4a")).isEqualTo(drift);
		assertThat(tracker.create("acme", "drift-reports", "Consumer drift", "body", List.of(drift))).isEqualTo(expected);
		assertThat(tracker.edit("acme", "drift-reports", 7, "body", IssueTracker.State.OPEN)).isEqualTo(expected);
		tracker.addLabels("acme", "drift-reports", 7, List.of(drift));
		tracker.comment("acme", "drift-reports", 7, "Drift went down to one template.");
		assertThat(tracker.comments("acme", "drift-reports", 7))
			.containsExactly(new IssueTracker.Comment(1146825, "Drift went down to one template."));
	}

	private GiteaForge forge() {
		return new GiteaForge(TestForges.settings(gitea.baseUrl(), null), TestForges.mapper(), sleeper);
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
