package ai.molecule.drift.job;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.logging.RunMdc;
import ai.molecule.drift.model.RunFinishedListener;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;

/**
 * Opens the run's history row before the first step (status {@code running}), makes sure a
 * run whose report step itself failed is closed as an error rather than left running, and tells
 * the {@link RunFinishedListener}s once it is closed. The run id is in the logging context
 * ({@link RunMdc}) from start to finish.
 */
class RunLifecycle implements JobExecutionListener {

	/** Key of the run id in the job's execution context. */
	static final String RUN_ID = ConsumerDriftJobConfiguration.RUN_ID;

	private static final Logger log = LoggerFactory.getLogger(RunLifecycle.class);

	private final RunStore store;

	private final DriftProperties properties;

	private final Clock clock;

	private final List<RunFinishedListener> finishedListeners;

	RunLifecycle(RunStore store, DriftProperties properties, Clock clock, List<RunFinishedListener> finishedListeners) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.finishedListeners = List.copyOf(finishedListeners);
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		Instant started = clock.instant();
		long runId = store.start(forgeInfo(properties), started, jobExecution.getId());
		jobExecution.getExecutionContext().putLong(RUN_ID, runId);
		jobExecution.getExecutionContext().putLong(ConsumerDriftJobConfiguration.RUN_STARTED, started.toEpochMilli());
		MDC.put(RunMdc.KEY, Long.toString(runId));
		log.info("Run {} started: org {} on {}", runId, properties.org(), forgeInfo(properties).baseUrl());
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		long runId = jobExecution.getExecutionContext().getLong(RUN_ID);
		try {
			closeIfStillRunning(jobExecution, runId);
			notifyFinished(runId);
		}
		finally {
			MDC.remove(RunMdc.KEY);
		}
	}

	private void closeIfStillRunning(JobExecution jobExecution, long runId) {
		if (jobExecution.getStatus() != BatchStatus.COMPLETED
				&& store.status(runId).filter(s -> s == RunStatus.RUNNING).isPresent()) {
			String cause = jobExecution.getStepExecutions()
				.stream()
				.filter(s -> s.getStepName().equals(ConsumerDriftJobConfiguration.REPORT_STEP))
				.flatMap(s -> s.getFailureExceptions().stream())
				.map(StepLog::explain)
				.findFirst()
				.orElse("the job ended " + jobExecution.getStatus());
			log.error("Run {} could not write its reports: {}", runId, cause);
			store.finish(runId, RunStatus.ERROR, List.of("The reports could not be written: " + cause),
					clock.instant());
		}
	}

	private void notifyFinished(long runId) {
		if (finishedListeners.isEmpty()) {
			return;
		}
		RunReport run = store.load(runId);
		for (RunFinishedListener listener : finishedListeners) {
			try {
				listener.runFinished(run);
			}
			catch (RuntimeException ex) {
				// The run's status is already final: a listener's trouble is reported, never turned into a failure.
				log.warn("After run {}: {} failed: {}", runId, listener.getClass().getSimpleName(), StepLog.explain(ex));
			}
		}
	}

	/** What may be shown of the base URL: never user info (credentials) or a query. */
	static String withoutCredentials(URI url) {
		if (url == null) {
			return null;
		}
		String port = url.getPort() < 0 ? "" : ":" + url.getPort();
		String path = url.getRawPath() == null ? "" : url.getRawPath();
		return url.getScheme() + "://" + url.getHost() + port + path;
	}

	static ForgeInfo forgeInfo(DriftProperties properties) {
		DriftProperties.Forge forge = properties.forge();
		String location = switch (forge.type()) {
			case LOCAL -> forge.root() == null ? null : forge.root().toString();
			// No base URL means github.com, whose API lives on its own host.
			case GITHUB -> forge.baseUrl() == null ? "https://api.github.com" : withoutCredentials(forge.baseUrl());
			case GITEA -> withoutCredentials(forge.baseUrl());
		};
		return new ForgeInfo(forge.type().id(), location, properties.org(), properties.repoPrefix());
	}
}
