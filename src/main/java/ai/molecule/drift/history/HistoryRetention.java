package ai.molecule.drift.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.scan.ConsumerDriftJobConfiguration;

/**
 * Applies {@code drift.history.retention-days} once a run has succeeded (pass or fail): an error run
 * prunes nothing, so a misconfigured or failing job never eats into the history it cannot replace.
 */
@Component
public class HistoryRetention implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private final RunPruner pruner;

	private final HistoryProperties properties;

	private final DriftProperties drift;

	private final Clock clock;

	HistoryRetention(RunPruner pruner, HistoryProperties properties, DriftProperties drift, Clock clock) {
		this.pruner = pruner;
		this.properties = properties;
		this.drift = drift;
		this.clock = clock;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		String status = jobExecution.getExecutionContext().getString(ConsumerDriftJobConfiguration.RUN_STATUS, null);
		boolean succeeded = jobExecution.getStatus() == BatchStatus.COMPLETED
				&& ("pass".equals(status) || "fail".equals(status));
		if (!succeeded || properties.retentionDays() == 0
				|| !jobExecution.getExecutionContext().containsKey(ConsumerDriftJobConfiguration.RUN_ID)) {
			return;
		}
		long runId = jobExecution.getExecutionContext().getLong(ConsumerDriftJobConfiguration.RUN_ID);
		Instant cutOff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
		try {
			int removed = pruner.prune(HistoryScope.of(drift), cutOff, runId);
			log.info("History retention: removed {} {} that started before {} (drift.history.retention-days={})",
					removed, removed == 1 ? "run" : "runs", cutOff, properties.retentionDays());
		}
		catch (RuntimeException ex) {
			// The run and its reports are complete; a failed clean-up is retried by the next run.
			log.warn("History retention: nothing was removed, the clean-up failed: {}", ex.getMessage());
		}
	}
}
