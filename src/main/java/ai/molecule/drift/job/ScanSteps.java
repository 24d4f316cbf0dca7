package ai.molecule.drift.job;

import org.springframework.batch.core.step.StepExecution;

/** Small helpers the steps share. */
final class ScanSteps {

	private ScanSteps() {
	}

	/** The history run id that {@link RunLifecycle} put in the job's execution context. */
	static long runId(StepExecution stepExecution) {
		return stepExecution.getJobExecution().getExecutionContext().getLong(RunLifecycle.RUN_ID);
	}
}
