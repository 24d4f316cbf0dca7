package ai.molecule.drift.logging;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's logging context (the run id) to a pool thread for the duration
 * of one task, so that lines logged while repositories are read concurrently still say which run
 * they belong to.
 */
public final class MdcTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			// Pool threads are reused: whatever a previous task left must not leak into this one.
			Map<String, String> previous = MDC.getCopyOfContextMap();
			setContext(context);
			try {
				task.run();
			}
			finally {
				setContext(previous);
			}
		};
	}

	private static void setContext(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}
}
