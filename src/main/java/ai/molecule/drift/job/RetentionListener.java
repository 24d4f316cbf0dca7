package ai.molecule.drift.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ai.molecule.drift.history.HistoryRetention;
import ai.molecule.drift.model.RunStatus;

/** After a run that passed or failed (never after an error run): the history's retention. */
class RetentionListener implements JobExecutionListener {

	private final HistoryRetention retention;

	RetentionListener(HistoryRetention retention) {
		this.retention = retention;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		ExecutionContext context = jobExecution.getExecutionContext();
		String status = context.getString(ConsumerDriftJobConfiguration.RUN_STATUS, null);
		boolean succeeded = jobExecution.getStatus() == BatchStatus.COMPLETED
				&& (RunStatus.PASS.id().equals(status) || RunStatus.FAIL.id().equals(status));
		if (succeeded && context.containsKey(ConsumerDriftJobConfiguration.RUN_ID)) {
			retention.afterSucceededRun(context.getLong(ConsumerDriftJobConfiguration.RUN_ID));
		}
	}
}
