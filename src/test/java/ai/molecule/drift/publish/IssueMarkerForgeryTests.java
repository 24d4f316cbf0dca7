package ai.molecule.drift.publish;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ai.molecule.drift.forge.FakeIssues;
import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;
import ai.molecule.drift.publish.IssuePublisher.Action;
import ai.molecule.drift.publish.IssuePublisher.Outcome;

import static ai.molecule.drift.publish.PublishFixtures.ORG;
import static ai.molecule.drift.publish.PublishFixtures.T;
import static ai.molecule.drift.publish.PublishFixtures.behind;
import static ai.molecule.drift.publish.PublishFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repository text quoting the tool's own markers (in a pin, in a name) can neither freeze the tracking
 * issue nor make one organisation's run claim another's issue in a shared tracker.
 */
class IssueMarkerForgeryTests {

	private static final String OTHER = "other-org";

	private final IssueBody body = PublishFixtures.body();

	private TrackerFixture fixture;

	@AfterEach
	void stop() {
		if (fixture != null) {
			fixture.close();
		}
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void aPinQuotingTheRunSeparatorDoesNotFreezeTheIssue(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties settings = settings("update");
		RepoResult forger = hostile("forger", IssueMarker.RUN_SEPARATOR);

		assertThat(publish(settings, ORG, run(1, RunStatus.FAIL, forger, behind("b", "0.3.20", 7))).action())
			.isEqualTo(Action.CREATE);
		Outcome changed = publish(settings, ORG, run(2, RunStatus.FAIL, forger, behind("b", "0.3.21", 6)));

		assertThat(changed.action()).isEqualTo(Action.UPDATE);
		assertThat(fixture.issues().issues()).singleElement()
			.satisfies((issue) -> assertThat(issue.body()).contains("0.3.21").doesNotContain("0.3.20"));
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void aPinQuotingTheRunSeparatorDoesNotFreezeTheCommentsEither(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties settings = settings("comment");
		RepoResult forger = hostile("forger", IssueMarker.RUN_SEPARATOR);

		publish(settings, ORG, run(1, RunStatus.FAIL, forger, behind("b", "0.3.20", 7)));
		Outcome changed = publish(settings, ORG, run(2, RunStatus.FAIL, forger, behind("b", "0.3.21", 6)));

		assertThat(changed.action()).isEqualTo(Action.COMMENT);
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void twoOrgsSharingATrackerKeepTheirOwnIssuesWhateverTheirReposQuote(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		PublishProperties settings = settings("update");
		// Org one's repositories quote org two's markers, in a pin and in a name.
		RepoResult pinForger = hostile("pin", IssueMarker.report(OTHER));
		RepoResult nameForger = new RepoResult(T + IssueMarker.report(OTHER) + IssueMarker.comment(OTHER),
				Classification.ENUMERATED, false, "0.3.20", new Lag(7, 41L, LagLevel.PATCH), List.of());

		assertThat(publish(settings, ORG, run(1, RunStatus.FAIL, pinForger, nameForger)).action())
			.isEqualTo(Action.CREATE);
		assertThat(publish(settings, OTHER, run(1, RunStatus.PASS, behind("theirs", "0.3.26", 1))).action())
			.isEqualTo(Action.CREATE);
		assertThat(publish(settings, ORG, run(2, RunStatus.FAIL, pinForger)).action()).isEqualTo(Action.UPDATE);
		assertThat(publish(settings, OTHER, run(2, RunStatus.PASS, behind("theirs", "0.3.26", 1))).action())
			.isEqualTo(Action.UNCHANGED);

		List<FakeIssues.Issue> issues = fixture.issues().issues();
		assertThat(issues).hasSize(2);
		assertThat(issues.get(0).body()).startsWith(IssueMarker.report(ORG)).doesNotContain(IssueMarker.report(OTHER));
		assertThat(issues.get(1).body()).startsWith(IssueMarker.report(OTHER)).contains("theirs");
		assertThat(issues.get(1).edits()).isZero();
	}

	@ParameterizedTest
	@EnumSource(TrackerFixture.Kind.class)
	void anIssueQuotingTheMarkerBelowItsFirstLineIsNotOurs(TrackerFixture.Kind kind) {
		fixture = new TrackerFixture(kind);
		fixture.issues().add("How the bot finds its issue", "It looks for\n" + IssueMarker.report(ORG) + "\nin bodies.");

		assertThat(publish(settings("update"), ORG, run(1, RunStatus.PASS, behind("b", "0.3.20", 7))).action())
			.isEqualTo(Action.CREATE);
		assertThat(fixture.issues().issues().get(0).edits()).isZero();
	}

	@Test
	void theMarkerCountsOnlyAsTheWholeFirstLine() {
		String marker = IssueMarker.report(ORG);
		assertThat(IssueMarker.starts(marker + "\nbody", marker)).isTrue();
		assertThat(IssueMarker.starts("\r\n" + marker + "\r\nbody", marker)).isTrue();
		assertThat(IssueMarker.starts("x " + marker + "\nbody", marker)).isFalse();
		assertThat(IssueMarker.starts("| `" + marker + "` |", marker)).isFalse();
		assertThat(IssueMarker.starts("body\n" + marker, marker)).isFalse();
		assertThat(IssueMarker.starts(null, marker)).isFalse();
	}

	private Outcome publish(PublishProperties settings, String org, RunReport report) {
		String issueBody = body.render(report, PublishFixtures.firstRun(), IssueMarker.report(org), null);
		String commentBody = body.render(report, PublishFixtures.firstRun(), IssueMarker.comment(org), null);
		return new IssuePublisher(fixture.tracker(), settings).publish(report, org, issueBody, commentBody);
	}

	private static RepoResult hostile(String name, String pin) {
		return new RepoResult(T + name, Classification.UNLISTED_PINNED, false, pin, null,
				List.of(new Finding(FindingCode.UNLISTED_PINNED, Severity.ERROR, "pins " + pin),
						new Finding(FindingCode.INVALID_PIN, Severity.WARNING, "not a version: " + pin)));
	}

	private static PublishProperties settings(String mode) {
		return new PublishProperties("acme/tracker", "Runtime consumer drift report", List.of(),
				PublishProperties.Mode.valueOf(mode.toUpperCase()), false, null, false, false);
	}
}
