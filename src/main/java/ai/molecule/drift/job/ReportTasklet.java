package ai.molecule.drift.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ai.molecule.drift.classify.RunVerdict;
import ai.molecule.drift.history.ReportHistoryLoader;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.report.ReportWriter;

/**
 * Last step, reached whatever happened before: decides the run's status, closes the run in the
 * history and writes the reports from what was persisted, with the history read once for all of them;
 * the reports replace the previous ones only once the run is closed.
 */
class ReportTasklet implements Tasklet {

	/** Key of the final status in the job's execution context; set only once the reports are written. */
	static final String RUN_STATUS = ConsumerDriftJobConfiguration.RUN_STATUS;

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	private final RunStore store;

	private final ReportHistoryLoader history;

	private final ReportWriter reportWriter;

	private final Path reportDir;

	private final Duration deadline;

	private final Clock clock;

	ReportTasklet(RunStore store, ReportHistoryLoader history, ReportWriter reportWriter, Path reportDir,
			Duration deadline, Clock clock) {
		this.store = store;
		this.history = history;
		this.reportWriter = reportWriter;
		this.reportDir = reportDir;
		this.deadline = deadline;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution stepExecution = chunkContext.getStepContext().getStepExecution();
		JobExecution job = stepExecution.getJobExecution();
		long runId = ScanSteps.runId(stepExecution);
		List<String> problems = new ArrayList<>();
		job.getStepExecutions()
			.stream()
			// A failed step followed by a transition ends ABANDONED, not FAILED: look at what it threw.
			.filter(s -> !s.getFailureExceptions().isEmpty())
			.map(ReportTasklet::describeFailure)
			.forEach(problems::add);
		boolean ssotResolutionRan = job.getStepExecutions()
			.stream()
			.anyMatch(s -> s.getStepName().equals(ConsumerDriftJobConfiguration.RESOLVE_SSOT_STEP)
					&& s.getStatus() == BatchStatus.COMPLETED);
		RunReport persisted = store.load(runId);
		long notRead = persisted.repos().stream().filter(ReportTasklet::notReadInTime).count();
		if (notRead > 0) {
			problems.add(0, RunDeadline.reason(deadline, notRead));
		}
		RunVerdict verdict = RunVerdict.decide(problems, ssotResolutionRan ? persisted.ssot() : null,
				persisted.repos());
		// The reports are staged while the outcome is recorded and moved into place only once it is
		// committed: a run killed or failing in between leaves the previous reports, never ones that
		// claim an outcome the history does not hold.
		AtomicReference<ReportWriter.Staged> staged = new AtomicReference<>();
		RunReport report;
		List<Path> written;
		try {
			report = store.finish(runId, verdict.status(), verdict.reasons(), clock.instant(), (finished) -> {
				staged.set(reportWriter.stage(finished, history.of(finished), reportDir));
				return finished;
			});
			written = staged.get().publish();
		}
		finally {
			if (staged.get() != null) {
				staged.get().discard();
			}
		}
		job.getExecutionContext().putString(RUN_STATUS, verdict.status().id());
		String counts = report.counts()
			.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> e.getValue() + " " + e.getKey().id())
			.collect(java.util.stream.Collectors.joining(", "));
		log.info("Run {} {}: {} repositories ({}), {} behind the SSOT; reports in {}", runId,
				verdict.status().id().toUpperCase(), report.repos().size(), counts.isEmpty() ? "none" : counts,
				report.behind().size(), written.get(0).getParent().toAbsolutePath());
		verdict.reasons().forEach(reason -> log.warn("  {}", reason));
		return RepeatStatus.FINISHED;
	}

	private static boolean notReadInTime(RepoResult repo) {
		return repo.findings()
			.stream()
			.anyMatch(f -> f.code() == FindingCode.UNREADABLE && f.message().contains(RunDeadline.NOT_READ));
	}

	private static String describeFailure(StepExecution step) {
		String message = step.getFailureExceptions().stream().findFirst().map(StepLog::explain).orElse("no details");
		return switch (step.getStepName()) {
			case ConsumerDriftJobConfiguration.RESOLVE_SSOT_STEP -> "The run could not start: " + message;
			case ConsumerDriftJobConfiguration.SCAN_STEP -> "The scan did not complete: " + message;
			default -> "Step " + step.getStepName() + " failed: " + message;
		};
	}
}
