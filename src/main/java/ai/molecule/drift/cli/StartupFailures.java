package ai.molecule.drift.cli;

import org.springframework.boot.context.properties.bind.BindException;

import ai.molecule.drift.ConfigurationException;

/** Turns a failure to start into one sentence an operator can act on, without a stack trace. */
final class StartupFailures {

	private StartupFailures() {
	}

	static String explain(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("Database may be already in use") || message.contains("file is locked")) {
				return "the history database is in use by another run (H2 file lock). Only one scan may use "
						+ "a database file at a time; wait for the other run or set spring.datasource.url "
						+ "(SPRING_DATASOURCE_URL) to another database.";
			}
			if (t instanceof ConfigurationException) {
				return message;
			}
			if (t instanceof BindException bind) {
				return "the setting " + bind.getName() + " is invalid: "
						+ (bind.getCause() == null ? message : bind.getCause().getMessage());
			}
		}
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
