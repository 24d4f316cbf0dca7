package ai.molecule.drift.publish;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.IssueTracker;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.report.ReportRenderer;
import ai.molecule.drift.report.ReportWriter;
import ai.molecule.drift.scan.ConsumerDriftJobConfiguration;

/** The job's last step, {@code publish}: the report as a tracking issue, when {@code drift.publish.issue-repo} is set. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	@Bean
	Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PublishProperties settings, ObjectProvider<IssueTracker> issueTracker, ReportRenderer renderer,
			JdbcClient jdbc, RunStore store, ReportWriter reportWriter, DriftProperties properties, Clock clock) {
		PublishTasklet tasklet = new PublishTasklet(settings, issueTracker,
				new IssueBody(renderer, IssueBody.DEFAULT_BUDGET), new PreviousRun(jdbc, store), store, reportWriter,
				properties.report().dir(), clock);
		return new StepBuilder(ConsumerDriftJobConfiguration.PUBLISH_STEP, jobRepository)
			.tasklet(tasklet, transactionManager)
			.build();
	}
}
