package ai.molecule.drift.publish;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ai.molecule.drift.forge.FakeIssues;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.publish.IssuePublisher.Action;
import ai.molecule.drift.publish.IssuePublisher.Outcome;

import static ai.molecule.drift.publish.PublishFixtures.ORG;
import static ai.molecule.drift.publish.PublishFixtures.behind;
import static ai.molecule.drift.publish.PublishFixtures.inSync;
import static ai.molecule.drift.publish.PublishFixtures.run;
import static ai.molecule.drift.publish.PublishFixtures.unlisted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Publishing against a fake Gitea and a fake GitHub: one issue per org, found by its marker, written only when needed. */
class IssuePublisherTests {

	private static final String MARKER = IssueMarker.report(ORG);

	private final IssueBody body = PublishFixtures.body();

	private TrackerFixture fixture;

	@AfterEach
	void stop() {
		fixture.close();
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void createsTheIssueWhenNoneCarriesTheMarkerIgnoringPullRequests(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		fixture.issues().add("Unrelated", "something else");
		fixture.issues().addPull("Bump runtime", "quotes our report:\n" + MARKER);
		fixture.issues().label("consumer-drift");

		Outcome outcome = publish(settings("update", "consumer-drift"), failing(1));

		assertThat(outcome.action()).isEqualTo(Action.CREATE);
		List<FakeIssues.Issue> issues = fixture.issues().issues();
		assertThat(issues).hasSize(2);
		FakeIssues.Issue ours = issues.get(1);
		assertThat(ours.title()).isEqualTo("Runtime consumer drift report");
		assertThat(ours.body()).startsWith(MARKER + "\n## Consumer drift: FAIL");
		assertThat(ours.labels()).containsExactly("consumer-drift");
		assertThat(fixture.issues().labelNames()).containsExactly("consumer-drift");
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void updatesTheIssueInPlaceAndSkipsTheWriteWhenTheReportIsUnchanged(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties settings = settings("update");
		publish(settings, failing(1));

		Outcome same = publish(settings, failing(2));
		int writesBefore = fixture.writes().size();
		assertThat(same.action()).isEqualTo(Action.UNCHANGED);
		assertThat(fixture.writes()).hasSize(writesBefore);

		Outcome changed = publish(settings, run(3, RunStatus.FAIL, unlisted("rogue"), behind("b", "0.3.20", 7)));

		assertThat(changed.action()).isEqualTo(Action.UPDATE);
		assertThat(fixture.issues().issues()).singleElement().satisfies((issue) -> {
			assertThat(issue.edits()).isEqualTo(1);
			assertThat(issue.body()).contains("0.3.20", "run 3");
		});
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void reopensTheNewestClosedIssueRatherThanOpeningASecond(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		fixture.issues().add("old report", MARKER + "\nold");
		fixture.issues().add("newer report", MARKER + "\nnewer");
		fixture.issues().close(1).close(2);

		Outcome outcome = publish(settings("update"), failing(1));

		assertThat(outcome.action()).isEqualTo(Action.REOPEN);
		assertThat(outcome.issue().number()).isEqualTo(2);
		assertThat(fixture.issues().issues()).hasSize(2);
		assertThat(fixture.issues().issues().get(1).isOpen()).isTrue();
		assertThat(fixture.issues().issues().get(1).body()).contains("## Consumer drift: FAIL");
		assertThat(fixture.issues().issues().get(0).isOpen()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void aFailedLookupIsAnErrorAndNeverCreatesADuplicate(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		fixture.issues().add("ours", MARKER + "\nreport");
		fixture.failIssueLookups();

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> publish(settings("update"), failing(1)))
			.withMessageContaining("/repos/acme/tracker/issues: HTTP 500")
			.withMessageNotContaining(TrackerFixture.TOKEN);
		assertThat(fixture.writes()).isEmpty();
		assertThat(fixture.issues().issues()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void inCommentModeEachChangedReportIsACommentOnTheOneIssue(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties settings = settings("comment");

		assertThat(publish(settings, failing(1)).action()).isEqualTo(Action.CREATE);
		// The issue's body is the first report: the same report again is no news.
		assertThat(publish(settings, failing(2)).action()).isEqualTo(Action.UNCHANGED);
		assertThat(publish(settings, run(3, RunStatus.PASS, inSync("a"))).action()).isEqualTo(Action.COMMENT);
		assertThat(publish(settings, run(4, RunStatus.PASS, inSync("a"))).action()).isEqualTo(Action.UNCHANGED);

		FakeIssues.Issue issue = fixture.issues().issues().get(0);
		assertThat(issue.comments()).singleElement()
			.satisfies((comment) -> assertThat(comment).startsWith(IssueMarker.comment(ORG)).contains("PASS"));
		assertThat(issue.body()).contains("FAIL");
		assertThat(issue.edits()).isZero();
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void labelsAreResolvedAndCreatedOnlyWhenAsked(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		fixture.issues().label("drift").label("runtime");

		publish(settings("update", "Runtime", "missing"), failing(1));

		assertThat(fixture.issues().issues().get(0).labels()).containsExactly("runtime");
		assertThat(fixture.issues().labelNames()).containsExactly("drift", "runtime");

		PublishProperties creating = new PublishProperties("acme/tracker", "Runtime consumer drift report",
				List.of("runtime", "missing"), PublishProperties.Mode.UPDATE, false, null, true, false);
		publish(creating, run(2, RunStatus.FAIL, unlisted("other")));

		assertThat(fixture.issues().labelNames()).containsExactly("drift", "runtime", "missing");
		assertThat(fixture.issues().issues().get(0).labels()).containsExactlyInAnyOrder("runtime", "missing");
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void closesTheIssueWhenARunIsCleanAndReopensItOnTheNextFinding(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties settings = new PublishProperties("acme/tracker", "Runtime consumer drift report", List.of(),
				PublishProperties.Mode.UPDATE, false, null, false, true);
		publish(settings, failing(1));

		assertThat(publish(settings, run(2, RunStatus.PASS, inSync("a"))).action()).isEqualTo(Action.CLOSE);
		assertThat(fixture.issues().issues().get(0).isOpen()).isFalse();
		assertThat(fixture.issues().issues().get(0).body()).contains("PASS");
		assertThat(publish(settings, run(3, RunStatus.PASS, inSync("a"))).action()).isEqualTo(Action.NOTHING);

		assertThat(publish(settings, run(4, RunStatus.PASS, behind("a", "0.3.26", 1))).action()).isEqualTo(Action.REOPEN);
		assertThat(fixture.issues().issues()).singleElement().satisfies((issue) -> assertThat(issue.isOpen()).isTrue());
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void aLargeOrganisationFitsTheBodyLimit(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);

		publish(settings("update"), PublishFixtures.largeRun(2500));

		String text = fixture.issues().issues().get(0).body();
		assertThat(text.length()).isLessThanOrEqualTo(65_536);
		assertThat(text).contains("rows left out to fit the issue");
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void aDryRunLooksButChangesNothing(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties dry = new PublishProperties("acme/tracker", "Runtime consumer drift report",
				List.of("missing"), PublishProperties.Mode.UPDATE, true, null, true, false);

		assertThat(publish(dry, failing(1)).action()).isEqualTo(Action.CREATE);
		assertThat(fixture.writes()).isEmpty();
	}

	private Outcome publish(PublishProperties settings, RunReport report) {
		String issueBody = body.render(report, PublishFixtures.firstRun(), MARKER, null);
		String commentBody = body.render(report, PublishFixtures.firstRun(), IssueMarker.comment(ORG), null);
		return new IssuePublisher(fixture.tracker(), settings).publish(report, ORG, issueBody, commentBody);
	}

	private static RunReport failing(long runId) {
		return run(runId, RunStatus.FAIL, unlisted("rogue"), behind("langgraph", "0.3.11", 16), inSync("a"));
	}

	private static PublishProperties settings(String mode, String... labels) {
		return new PublishProperties("acme/tracker", "Runtime consumer drift report", List.of(labels),
				PublishProperties.Mode.valueOf(mode.toUpperCase()), false, null, false, false);
	}
}
