package ai.molecule.drift.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import ai.molecule.drift.report.ReportRenderer;

/**
 * Warms the report templates up on a background thread when the scan starts: the scan waits on
 * the network with a core to spare, and the report step then renders with parsed templates and
 * compiled code instead of paying for both after the last repository.
 */
class ReportWarmUp implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ReportWarmUp.class);

	private final ReportRenderer renderer;

	ReportWarmUp(ReportRenderer renderer) {
		this.renderer = renderer;
	}

	@Override
	public void beforeStep(StepExecution step) {
		Thread thread = new Thread(this::warmUp, "report-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private void warmUp() {
		long started = System.nanoTime();
		try {
			renderer.warmUp();
			log.debug("Report templates warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// Only an optimisation: the report step renders (and reports any template error) regardless.
			log.debug("Report warm-up failed", ex);
		}
	}
}
