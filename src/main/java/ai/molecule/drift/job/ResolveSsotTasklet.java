package ai.molecule.drift.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.policy.Policy;

/**
 * First step: resolves and records the SSOT and the release line. The run's policy is loaded and
 * validated when this tasklet is created, before any forge request: an invalid policy fails the step
 * and the run becomes an error. An unresolved SSOT does not fail the step, so the scan still
 * classifies every repository.
 */
class ResolveSsotTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ResolveSsotTasklet.class);

	private final Policy policy;

	private final SsotLookup ssotLookup;

	private final RunStore store;

	private final DriftProperties properties;

	private final OrgListing orgListing;

	ResolveSsotTasklet(Policy policy, SsotLookup ssotLookup, RunStore store, DriftProperties properties,
			OrgListing orgListing) {
		this.policy = policy;
		this.orgListing = orgListing;
		this.ssotLookup = ssotLookup;
		this.store = store;
		this.properties = properties;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long started = System.nanoTime();
		long runId = ScanSteps.runId(chunkContext.getStepContext().getStepExecution());
		log.info("Policy {}: {} consumers, {} exemptions", properties.policyFile(), policy.consumers().size(),
				policy.exemptions().size());
		// The scan step needs the org listing next: it is read while the SSOT is.
		orgListing.start();
		DriftProperties.Ssot ssotSettings = properties.ssot();
		ReleaseLine line = ssotLookup.resolve(properties.org(), ssotSettings.repo(), ssotSettings.tagPrefix(),
				ssotSettings.fallbackFile());
		store.recordReleases(runId, line);
		Ssot ssot = line.ssot();
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (ssot.resolved()) {
			log.info("SSOT {} ({}{}), {} releases known ({} ms)", ssot.version(), ssot.source().id(),
					ssot.tag() == null ? "" : ", tag " + ssot.tag(), line.releases().size(), millis);
		}
		else {
			// Why is among the reasons of the run's summary, logged once when the run ends.
			log.error("SSOT unresolved ({} ms)", millis);
		}
		return RepeatStatus.FINISHED;
	}
}
