package ai.molecule.drift.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.IssueTracker;
import ai.molecule.drift.history.ReportHistoryLoader;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.report.ReportWriter;
import ai.molecule.drift.report.RunChanges;

/**
 * Publishes a finished run's report to the tracking issue. A failure does not throw: it makes the run an
 * error (exit 2), adds the reason to the run's reasons and rewrites the reports so that they say so too.
 */
public class IssuePublication {

	/** Written in a dry run: the body the issue would get. */
	public static final String DRY_RUN_FILE = "drift-issue.md";

	private static final Logger log = LoggerFactory.getLogger(IssuePublication.class);

	private final PublishProperties settings;

	private final ObjectProvider<IssueTracker> tracker;

	private final IssueBody body;

	private final ReportHistoryLoader history;

	private final RunStore store;

	private final ReportWriter reportWriter;

	private final Path reportDir;

	private final Clock clock;

	IssuePublication(PublishProperties settings, ObjectProvider<IssueTracker> tracker, IssueBody body,
			ReportHistoryLoader history, RunStore store, ReportWriter reportWriter, Path reportDir, Clock clock) {
		this.settings = settings;
		this.tracker = tracker;
		this.body = body;
		this.history = history;
		this.store = store;
		this.reportWriter = reportWriter;
		this.reportDir = reportDir;
		this.clock = clock;
	}

	/** Whether publishing is configured ({@code drift.publish.issue-repo} is set). */
	public boolean enabled() {
		return settings.enabled();
	}

	/**
	 * Publishes the run's report.
	 *
	 * @return the run's status afterwards: unchanged, or {@link RunStatus#ERROR} when publishing failed
	 */
	public RunStatus publish(long runId) throws IOException {
		RunReport report = store.load(runId);
		try {
			IssuePublisher.Outcome outcome = publish(report);
			log.info("Issue in {}: {}{} ({}){}", settings.issueRepo(), outcome.action().name().toLowerCase(),
					(outcome.issue() != null) ? " #" + outcome.issue().number() : "", outcome.why(),
					settings.dryRun() ? "; dry run, nothing changed" : "");
			return report.status();
		}
		catch (IOException | RuntimeException ex) {
			String reason = "Publishing the report to an issue in " + settings.issueRepo() + " failed: " + explain(ex);
			log.error(reason);
			log.debug("Publishing failure", ex);
			List<String> reasons = new ArrayList<>(report.reasons());
			reasons.add(reason);
			// As in the report step: the rewritten reports replace the others once the error is committed.
			AtomicReference<ReportWriter.Staged> staged = new AtomicReference<>();
			try {
				store.finish(runId, RunStatus.ERROR, reasons, clock.instant(),
						(failed) -> {
							staged.set(reportWriter.stage(failed, history.of(failed), reportDir));
							return failed;
						});
				staged.get().publish();
			}
			finally {
				if (staged.get() != null) {
					staged.get().discard();
				}
			}
			return RunStatus.ERROR;
		}
	}

	private IssuePublisher.Outcome publish(RunReport report) throws IOException {
		String org = report.forge().org();
		// The same previous run as the report's changes: the history's, read once for both bodies.
		RunHistory past = history.of(report);
		RunChanges changes = RunChanges.between(past.previous(), report);
		String issueBody = body.render(report, changes, IssueMarker.report(org), settings.reportUrl());
		String commentBody = body.render(report, changes, IssueMarker.comment(org), settings.reportUrl());
		if (settings.dryRun()) {
			Files.createDirectories(reportDir);
			Files.writeString(reportDir.resolve(DRY_RUN_FILE), issueBody, StandardCharsets.UTF_8);
		}
		return new IssuePublisher(tracker.getObject(), settings).publish(report, org, issueBody, commentBody);
	}

	/** The sentence worth showing: ours carry it; Spring wraps a failed bean creation around it. */
	private static String explain(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ForgeException || t instanceof ConfigurationException) {
				return t.getMessage();
			}
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}
}
