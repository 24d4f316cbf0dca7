package ai.molecule.drift.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.classify.RepoClassifier;
import ai.molecule.drift.contract.ContractReader;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.history.HistoryRetention;
import ai.molecule.drift.history.ReportHistoryLoader;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.logging.MdcTaskDecorator;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunFinishedListener;
import ai.molecule.drift.policy.Policy;
import ai.molecule.drift.policy.PolicyLoader;
import ai.molecule.drift.propose.BumpProposals;
import ai.molecule.drift.propose.ProposeSetup;
import ai.molecule.drift.propose.RunProposals;
import ai.molecule.drift.publish.IssuePublication;
import ai.molecule.drift.report.ReportRenderer;
import ai.molecule.drift.report.ReportWriter;

/**
 * The nightly job: resolve the SSOT, scan the org (chunked, repositories read concurrently),
 * report, publish. The report step runs whatever happened before it, so every outcome gets its
 * reports; publishing follows reports that were written.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerDriftJobConfiguration {

	public static final String JOB_NAME = "consumerDriftJob";

	public static final String RESOLVE_SSOT_STEP = "resolveSsot";

	public static final String SCAN_STEP = "scan";

	public static final String REPORT_STEP = "report";

	/** Bump proposals for the lagging consumers (a no-op unless {@code drift.propose.enabled}). */
	public static final String PROPOSE_STEP = "propose";

	/** The report as a tracking issue (a no-op unless configured). */
	public static final String PUBLISH_STEP = "publish";

	/** Job execution context key: the run's id in the history database. */
	public static final String RUN_ID = "runId";

	/** Job execution context key: the run's status, set once its reports are written. */
	public static final String RUN_STATUS = "runStatus";

	/** Key of the run's start (epoch milliseconds) in the job's execution context: its deadline counts from it. */
	public static final String RUN_STARTED = "runStarted";

	@Bean
	Job consumerDriftJob(JobRepository jobRepository, Step resolveSsotStep, Step scanStep, Step proposeStep,
			Step reportStep, Step publishStep, RunStore store, DriftProperties properties, Clock clock,
			ObjectProvider<RunFinishedListener> runFinishedListeners, HistoryRetention historyRetention) {
		RunLifecycle lifecycle = new RunLifecycle(store, properties, clock,
				runFinishedListeners.orderedStream().toList());
		return new JobBuilder(JOB_NAME, jobRepository).listener(lifecycle)
			.listener(new RetentionListener(historyRetention))
			.start(resolveSsotStep)
			.on("FAILED").to(reportStep)
			.from(resolveSsotStep).on("*").to(scanStep)
			.from(scanStep).on("*").to(proposeStep)
			.from(proposeStep).on("*").to(reportStep)
			.from(reportStep).on("FAILED").fail()
			.from(reportStep).on("*").to(publishStep)
			.end()
			.build();
	}

	@Bean
	Step resolveSsotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ResolveSsotTasklet resolveSsotTasklet) {
		return new StepBuilder(RESOLVE_SSOT_STEP, jobRepository).tasklet(resolveSsotTasklet, transactionManager)
			.listener(new StepLog())
			.build();
	}

	@Bean
	@StepScope
	ResolveSsotTasklet resolveSsotTasklet(Policy policy, Forge forge, RunStore store, DriftProperties properties,
			OrgListing orgListing) {
		return new ResolveSsotTasklet(policy, new SsotLookup(forge), store, properties, orgListing);
	}

	/** One listing per run, started by the SSOT step and read by the scan step. */
	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
	OrgListing orgListing(Forge forge, DriftProperties properties) {
		return new OrgListing(forge, properties.org());
	}

	/** Loaded (and validated) once per run, when the first step needs it: before any forge request. */
	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
	Policy runPolicy(PolicyLoader policyLoader, DriftProperties properties) {
		return policyLoader.load(properties.policyFile());
	}

	@Bean
	Step scanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OrgRepoReader orgRepoReader, DeadlineProcessor repoScanProcessor, RepoResultWriter repoResultWriter,
			ThreadPoolTaskExecutor scanExecutor, ReportRenderer reportRenderer, DriftProperties properties) {
		return new StepBuilder(SCAN_STEP, jobRepository).<ScanTarget, RepoResult>chunk(properties.scan().chunkSize())
			.transactionManager(transactionManager)
			.reader(orgRepoReader)
			.processor(repoScanProcessor)
			.writer(repoResultWriter)
			.taskExecutor(scanExecutor)
			.listener(new StepLog())
			.listener(new ReportWarmUp(reportRenderer))
			.build();
	}

	@Bean
	ThreadPoolTaskExecutor scanExecutor(DriftProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(Math.max(1, properties.scan().concurrency()));
		executor.setMaxPoolSize(Math.max(1, properties.scan().concurrency()));
		executor.setThreadNamePrefix("scan-");
		executor.setTaskDecorator(new MdcTaskDecorator());
		return executor;
	}

	@Bean
	@StepScope
	OrgRepoReader orgRepoReader(Forge forge, OrgListing orgListing, Policy policy, DriftProperties properties) {
		return new OrgRepoReader(forge, orgListing, properties.org(), properties.repoPrefix(), policy.consumers());
	}

	@Bean
	@StepScope
	DeadlineProcessor repoScanProcessor(Forge forge, Policy policy, RunStore store,
			DriftProperties properties, Clock clock, @Value("#{jobExecutionContext['runId']}") long runId,
			@Value("#{jobExecutionContext['runStarted']}") long runStarted) {
		RepoClassifier classifier = new RepoClassifier(policy, store.releases(runId), LocalDate.now(clock));
		RunDeadline deadline = RunDeadline.from(Instant.ofEpochMilli(runStarted), properties.scan().deadline(), clock);
		return new DeadlineProcessor(new RepoScanProcessor(forge, classifier,
				new ContractReader(forge, properties.org(), policy.contractsRequired())), classifier, deadline);
	}

	@Bean
	@StepScope
	RepoResultWriter repoResultWriter(RunStore store, @Value("#{jobExecutionContext['runId']}") long runId) {
		return new RepoResultWriter(store, runId);
	}

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			ReportHistoryLoader history, ReportWriter reportWriter, DriftProperties properties, Clock clock) {
		return new StepBuilder(REPORT_STEP, jobRepository)
			.tasklet(new ReportTasklet(store, history, reportWriter, properties.report().dir(),
					properties.scan().deadline(), clock),
					transactionManager)
			.listener(new StepLog())
			.build();
	}

	@Bean
	Step proposeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ProposeTasklet proposeTasklet) {
		return new StepBuilder(PROPOSE_STEP, jobRepository).tasklet(proposeTasklet, transactionManager)
			.listener(new StepLog())
			.build();
	}

	@Bean
	@StepScope
	ProposeTasklet proposeTasklet(ProposeSetup setup, RunStore store, Forge forge, Policy policy,
			DriftProperties properties, Clock clock) {
		return new ProposeTasklet(new RunProposals(store,
				new BumpProposals(forge, setup.writer(forge, clock), policy.propose(), properties.org())), setup.enabled());
	}

	@Bean
	Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IssuePublication issuePublication) {
		return new StepBuilder(PUBLISH_STEP, jobRepository)
			.tasklet(new PublishTasklet(issuePublication), transactionManager)
			.build();
	}
}
