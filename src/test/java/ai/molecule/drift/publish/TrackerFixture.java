package ai.molecule.drift.publish;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.FakeGitHub;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.FakeIssues;
import ai.molecule.drift.forge.GitHubIssueTracker;
import ai.molecule.drift.forge.GitHubProperties;
import ai.molecule.drift.forge.GiteaIssueTracker;
import ai.molecule.drift.forge.IssueTracker;

/** A tracking repository {@code acme/tracker} on a fake Gitea or a fake GitHub, with the matching tracker client. */
final class TrackerFixture implements AutoCloseable {

	static final String TOKEN = "pub-t0ken-9f8e7d";

	/** The forges publishing is tested on. */
	enum Kind {
		GITEA, GITHUB
	}

	private final Kind kind;

	private final FakeGitea gitea;

	private final FakeGitHub github;

	private final IssueTracker tracker;

	TrackerFixture(Kind kind) {
		this.kind = kind;
		JsonMapper mapper = JsonMapper.builder().build();
		if (kind == Kind.GITEA) {
			this.gitea = FakeGitea.start().requireToken(TOKEN);
			this.github = null;
			gitea.repo("acme", "tracker");
			this.tracker = new GiteaIssueTracker(settings(gitea.baseUrl()), mapper);
		}
		else {
			this.gitea = null;
			this.github = FakeGitHub.start().requireToken(TOKEN);
			github.repo("acme", "tracker");
			// No spacing of writes: the tests must not really wait.
			GitHubProperties properties = new GitHubProperties("2022-11-28", true, 100, Duration.ofMinutes(15),
					Duration.ZERO);
			this.tracker = new GitHubIssueTracker(settings(github.baseUrl()), properties, mapper);
		}
	}

	Kind kind() {
		return kind;
	}

	IssueTracker tracker() {
		return tracker;
	}

	FakeIssues issues() {
		return (gitea != null) ? gitea.issues("acme", "tracker") : github.issues("acme", "tracker");
	}

	/** Every listing of the tracker's issues fails with HTTP 500. */
	void failIssueLookups() {
		if (gitea != null) {
			gitea.failAlways("/repos/acme/tracker/issues\\?", 500);
		}
		else {
			github.failAlways("GET /api/v3/repos/acme/tracker/issues\\?", 500);
		}
	}

	/** Requests that change something. */
	List<FakeGitea.Request> writes() {
		List<FakeGitea.Request> all = (gitea != null) ? gitea.requests() : github.requests();
		return all.stream().filter((request) -> !request.method().equals("GET")).toList();
	}

	@Override
	public void close() {
		if (gitea != null) {
			gitea.close();
		}
		if (github != null) {
			github.close();
		}
	}

	private static DriftProperties.Forge settings(java.net.URI baseUrl) {
		return new DriftProperties.Forge(DriftProperties.ForgeType.GITEA, baseUrl, TOKEN, null, Duration.ofSeconds(2),
				Duration.ofSeconds(5), 2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(2), null);
	}
}
