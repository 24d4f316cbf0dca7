package ai.molecule.drift.forge;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.IssueTracker.Label;
import ai.molecule.drift.forge.IssueTracker.State;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GiteaIssueTracker}: Gitea's label ids, organisation labels, 201 on edit, and pull requests left out. */
class GiteaIssueTrackerTests {

	private final FakeGitea gitea = FakeGitea.start().requireToken(TestForges.TOKEN);

	private final GiteaIssueTracker tracker = new GiteaIssueTracker(TestForges.settings(gitea.baseUrl(), TestForges.TOKEN),
			TestForges.mapper(), new RecordingSleeper());

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void resolvesRepositoryAndOrganisationLabelsAndAppliesThemById() {
		gitea.repo("acme", "tracker");
		gitea.issues("acme", "tracker").label("drift");
		gitea.issues("acme", null).label("org-wide").label("drift");

		List<Label> labels = tracker.labels("acme", "tracker");
		IssueTracker.Issue issue = tracker.create("acme", "tracker", "t", "b", labels);

		assertThat(labels).extracting(Label::name).containsExactly("drift", "org-wide");
		assertThat(issue.labels()).containsExactly("drift", "org-wide");
		// Gitea sends no Link for a single page: each list ends with an empty page.
		assertThat(gitea.requests("/labels\\?")).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/tracker/labels", "/api/v1/repos/acme/tracker/labels",
					"/api/v1/orgs/acme/labels", "/api/v1/orgs/acme/labels");
	}

	@Test
	void editsAnswer201AndListsLeavePullRequestsOut() {
		gitea.repo("acme", "tracker");
		gitea.issues("acme", "tracker").addPull("pr", "body");
		IssueTracker.Issue issue = tracker.create("acme", "tracker", "t", "b", List.of());

		IssueTracker.Issue closed = tracker.edit("acme", "tracker", issue.number(), "new body", State.CLOSED);

		assertThat(closed.open()).isFalse();
		assertThat(closed.body()).isEqualTo("new body");
		assertThat(tracker.issues("acme", "tracker", State.OPEN)).isEmpty();
		assertThat(tracker.issues("acme", "tracker", State.CLOSED)).extracting(IssueTracker.Issue::number)
			.containsExactly(issue.number());
		assertThat(gitea.requests("/issues\\?")).allSatisfy((r) -> assertThat(r.target()).contains("type=issues"));
	}
}
