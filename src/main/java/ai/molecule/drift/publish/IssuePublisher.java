package ai.molecule.drift.publish;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.forge.IssueTracker;
import ai.molecule.drift.forge.IssueTracker.Issue;
import ai.molecule.drift.forge.IssueTracker.State;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;

/**
 * Keeps exactly one tracking issue per organisation and tracking repository, found by its marker:
 * updates (or comments on) the open one, reopens the newest closed one rather than opening a second,
 * creates one only when the lookups succeeded and found none, and writes nothing when the report did not
 * change. A failed lookup is a failure, never "no issue yet".
 */
final class IssuePublisher {

	private static final Logger log = LoggerFactory.getLogger(IssuePublisher.class);

	private final IssueTracker tracker;

	private final PublishProperties settings;

	private final IssueLabels labels;

	IssuePublisher(IssueTracker tracker, PublishProperties settings) {
		this.tracker = tracker;
		this.settings = settings;
		this.labels = new IssueLabels(tracker, settings);
	}

	/**
	 * Publishes one run's report.
	 *
	 * @param issueBody the body for the issue (with the issue marker)
	 * @param commentBody the same report as a comment (with the comment marker), for comment mode
	 */
	Outcome publish(RunReport report, String org, String issueBody, String commentBody) {
		String owner = settings.owner();
		String repo = settings.repo();
		String marker = IssueMarker.report(org);
		boolean clean = report.status() == RunStatus.PASS && report.repos().stream().allMatch((r) -> r.findings().isEmpty());
		boolean close = clean && settings.closeWhenClean();
		List<Issue> open = ours(tracker.issues(owner, repo, State.OPEN), marker);
		if (open.size() > 1) {
			log.warn("{} open issues in {} carry the marker of {}: #{} is kept up to date, the others are left alone",
					open.size(), settings.issueRepo(), org, open.get(0).number());
		}
		if (!open.isEmpty()) {
			return refresh(open.get(0), org, issueBody, commentBody, close);
		}
		if (close) {
			return new Outcome(Action.NOTHING, null, "the run is clean and no issue is open");
		}
		Optional<Issue> closed = ours(tracker.issues(owner, repo, State.CLOSED), marker).stream()
			.max(Comparator.comparingLong(Issue::number));
		if (closed.isPresent()) {
			return reopen(closed.get(), issueBody, commentBody);
		}
		if (settings.dryRun()) {
			return new Outcome(Action.CREATE, null, "no issue carries the marker yet");
		}
		Issue created = tracker.create(owner, repo, settings.title(), issueBody, labels.resolve());
		return new Outcome(Action.CREATE, created, "no issue carried the marker yet");
	}

	private Outcome refresh(Issue issue, String org, String issueBody, String commentBody, boolean close) {
		boolean comment = settings.mode() == PublishProperties.Mode.COMMENT;
		boolean unchanged = comment
				? IssueMarker.sameReport(lastReportComment(issue, org).orElse(issue.body()), commentBody)
				: IssueMarker.sameReport(issue.body(), issueBody);
		if (unchanged && !close) {
			return new Outcome(Action.UNCHANGED, issue, "the report did not change");
		}
		if (settings.dryRun()) {
			return new Outcome(close ? Action.CLOSE : comment ? Action.COMMENT : Action.UPDATE, issue, "dry run");
		}
		if (comment && !unchanged) {
			tracker.comment(settings.owner(), settings.repo(), issue.number(), commentBody);
		}
		String newBody = (comment || unchanged) ? null : issueBody;
		if (newBody != null || close) {
			issue = tracker.edit(settings.owner(), settings.repo(), issue.number(), newBody, close ? State.CLOSED : null);
		}
		labels.addMissing(issue);
		return new Outcome(close ? Action.CLOSE : comment ? Action.COMMENT : Action.UPDATE, issue,
				close ? "the run is clean" : "the report changed");
	}

	private Outcome reopen(Issue issue, String issueBody, String commentBody) {
		boolean comment = settings.mode() == PublishProperties.Mode.COMMENT;
		if (settings.dryRun()) {
			return new Outcome(Action.REOPEN, issue, "dry run");
		}
		Issue reopened = tracker.edit(settings.owner(), settings.repo(), issue.number(), comment ? null : issueBody,
				State.OPEN);
		if (comment) {
			tracker.comment(settings.owner(), settings.repo(), issue.number(), commentBody);
		}
		labels.addMissing(reopened);
		return new Outcome(Action.REOPEN, reopened, "the newest closed issue with the marker is reused");
	}

	private Optional<String> lastReportComment(Issue issue, String org) {
		String marker = IssueMarker.comment(org);
		List<IssueTracker.Comment> comments = tracker.comments(settings.owner(), settings.repo(), issue.number());
		for (int i = comments.size() - 1; i >= 0; i--) {
			if (IssueMarker.starts(comments.get(i).body(), marker)) {
				return Optional.of(comments.get(i).body());
			}
		}
		return Optional.empty();
	}

	private static List<Issue> ours(List<Issue> issues, String marker) {
		return issues.stream()
			.filter((issue) -> IssueMarker.starts(issue.body(), marker))
			.sorted(Comparator.comparingLong(Issue::number))
			.toList();
	}

	/** What publishing did (or, in a dry run, would do). */
	enum Action {
		CREATE, UPDATE, COMMENT, REOPEN, CLOSE, UNCHANGED, NOTHING
	}

	/**
	 * The outcome.
	 *
	 * @param action what was done
	 * @param issue the issue acted on; {@code null} when none (yet)
	 * @param why a few words for the log
	 */
	record Outcome(Action action, Issue issue, String why) {
	}
}
