package ai.molecule.drift.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ai.molecule.drift.propose.RunProposals;

/** The {@code propose} step: bump proposals for the run's lagging consumers (a no-op unless enabled). */
class ProposeTasklet implements Tasklet {

	private final RunProposals proposals;

	private final boolean enabled;

	ProposeTasklet(RunProposals proposals, boolean enabled) {
		this.proposals = proposals;
		this.enabled = enabled;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (enabled) {
			proposals.propose(chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
				.getLong(ConsumerDriftJobConfiguration.RUN_ID));
		}
		return RepeatStatus.FINISHED;
	}
}
