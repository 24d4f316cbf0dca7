package ai.molecule.drift.job;

import java.io.IOException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.publish.IssuePublication;

/** The {@code publish} step: the run's report to the tracking issue, once its reports are written. */
class PublishTasklet implements Tasklet {

	private final IssuePublication publication;

	PublishTasklet(IssuePublication publication) {
		this.publication = publication;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		if (publication.enabled() && job.getExecutionContext().containsKey(ConsumerDriftJobConfiguration.RUN_STATUS)) {
			RunStatus status = publication.publish(job.getExecutionContext().getLong(ConsumerDriftJobConfiguration.RUN_ID));
			if (status == RunStatus.ERROR) {
				job.getExecutionContext().putString(ConsumerDriftJobConfiguration.RUN_STATUS, status.id());
			}
		}
		return RepeatStatus.FINISHED;
	}
}
