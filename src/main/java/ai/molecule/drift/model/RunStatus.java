package ai.molecule.drift.model;

import java.util.Locale;

/** A run's outcome and its process exit code (see the contract). */
public enum RunStatus {
	/** Started and not (yet) finished: a run that crashed stays here and is never shown as complete. */
	RUNNING(2),
	PASS(0),
	FAIL(1),
	ERROR(2);

	private final int exitCode;

	RunStatus(int exitCode) {
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return exitCode;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static RunStatus fromId(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}
}
