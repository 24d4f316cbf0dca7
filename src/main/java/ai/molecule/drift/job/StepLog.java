package ai.molecule.drift.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.policy.PolicyException;

/** One log line per step that failed or handled items: its outcome, item counts and time taken. */
class StepLog implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StepLog.class);

	@Override
	public ExitStatus afterStep(StepExecution step) {
		LocalDateTime start = step.getStartTime();
		long millis = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis();
		Throwable failure = step.getFailureExceptions().stream().findFirst().orElse(null);
		if (failure != null) {
			// The reason is logged once, where the run ends: among the reasons of the run's summary, or as
			// the cause of a run that could not write its reports. The trace is for debugging.
			log.error("Step {} failed after {} ms", step.getStepName(), millis);
			log.debug("Step {} failure: {}", step.getStepName(), explain(failure), failure);
		}
		else if (step.getReadCount() > 0 || step.getWriteCount() > 0) {
			log.info("Step {} {}: {} read, {} written in {} ms", step.getStepName(), step.getStatus(),
					step.getReadCount(), step.getWriteCount(), millis);
		}
		else {
			// A step without items has said what it did, or what went wrong, in its own lines: a success line
			// would only follow, say, "SSOT unresolved" with a contradicting "COMPLETED".
			log.debug("Step {} {} in {} ms", step.getStepName(), step.getStatus(), millis);
		}
		return null;
	}

	/** The sentence worth showing: Batch wraps failures ("Unable to process chunk"); ours carry the cause. */
	static String explain(Throwable failure) {
		Throwable deepest = failure;
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ForgeException || t instanceof PolicyException || t instanceof ConfigurationException) {
				return t.getMessage();
			}
			if (t.getMessage() != null) {
				deepest = t;
			}
		}
		return deepest.getMessage() != null ? deepest.getMessage() : deepest.getClass().getSimpleName();
	}
}
