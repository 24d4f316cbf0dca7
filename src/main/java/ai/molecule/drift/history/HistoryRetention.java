package ai.molecule.drift.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ai.molecule.drift.DriftProperties;

/**
 * Applies {@code drift.history.retention-days} once a run has succeeded (pass or fail): the job calls
 * it for no error run, so a misconfigured or failing job never eats into the history it cannot replace.
 */
@Component
public class HistoryRetention {

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

	/** Removes the runs of this scope older than the retention period, never {@code runId} itself. */
	public void afterSucceededRun(long runId) {
		if (properties.retentionDays() == 0) {
			return;
		}
		Instant cutOff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
		try {
			int removed = pruner.prune(HistoryScope.of(drift), cutOff, runId);
			// A routine "removed 0 runs" on every run says nothing.
			(removed == 0 ? log.atDebug() : log.atInfo()).log(
					"History retention: removed {} {} that started before {} (drift.history.retention-days={})", removed,
					removed == 1 ? "run" : "runs", cutOff, properties.retentionDays());
		}
		catch (RuntimeException ex) {
			// The run and its reports are complete; a failed clean-up is retried by the next run.
			log.warn("History retention: nothing was removed, the clean-up failed: {}", ex.getMessage());
		}
	}
}
