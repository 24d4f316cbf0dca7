package ai.molecule.drift.logging;

import org.slf4j.MDC;

/** The run id in the logging context (MDC), where structured logs make it a field of every line. */
public final class RunMdc {

	/** The key, and the name of the field in the JSON logs (as {@code runId} in {@code drift-report.json}). */
	public static final String KEY = "runId";

	private RunMdc() {
	}

	/** Puts the run id for the current thread; closing the result removes it. */
	public static MDC.MDCCloseable put(long runId) {
		return MDC.putCloseable(KEY, Long.toString(runId));
	}
}
