package ai.molecule.drift.job;

import java.time.Instant;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationContext;

import ai.molecule.drift.model.RunStatus;

/** Runs {@code consumerDriftJob} once in a started application and tells how the run ended. */
public final class ScanJob {

	private ScanJob() {
	}

	/**
	 * Runs the job.
	 *
	 * @return the run and its status, or empty when the job ended without writing its reports
	 * @throws Exception when the job could not be launched at all
	 */
	public static Optional<Run> run(ApplicationContext context) throws Exception {
		JobOperator jobOperator = context.getBean(JobOperator.class);
		Job job = context.getBean(Job.class);
		JobParameters parameters = new JobParametersBuilder().addString("run.requestedAt", Instant.now().toString())
			.toJobParameters();
		JobExecution execution = jobOperator.start(job, parameters);
		String status = execution.getExecutionContext().getString(ConsumerDriftJobConfiguration.RUN_STATUS, null);
		if (execution.getStatus() != BatchStatus.COMPLETED || status == null) {
			return Optional.empty();
		}
		long runId = execution.getExecutionContext().getLong(ConsumerDriftJobConfiguration.RUN_ID);
		return Optional.of(new Run(runId, RunStatus.fromId(status)));
	}

	/**
	 * A run whose reports were written.
	 *
	 * @param id the run's id in the history
	 * @param status its outcome
	 */
	public record Run(long id, RunStatus status) {
	}
}
