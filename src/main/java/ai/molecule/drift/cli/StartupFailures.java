package ai.molecule.drift.cli;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;

import ai.molecule.drift.ConfigurationException;

/** Turns a failure to start into one sentence an operator can act on, without a stack trace. */
final class StartupFailures {

	private static final String NO_ENUM_CONSTANT = "No enum constant ";

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
				return "the setting " + bind.getName() + " is invalid: " + rootMessage(bind);
			}
		}
		return rootMessage(failure);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.startsWith(NO_ENUM_CONSTANT) ? explainEnum(message) : message;
	}

	// "No enum constant a.b.Type.gitlab" says nothing about what would have been right.
	private static String explainEnum(String message) {
		String qualified = message.substring(NO_ENUM_CONSTANT.length());
		int dot = qualified.lastIndexOf('.');
		String name = qualified.substring(0, dot);
		// The message gives the canonical name; a nested enum loads by its binary name (Outer$Inner).
		for (int i = name.length() - 1; i > 0; i--) {
			if (name.charAt(i) == '.') {
				try {
					Object[] constants = Class.forName(name).getEnumConstants();
					return "\"" + qualified.substring(dot + 1) + "\" is not one of "
							+ Arrays.stream(constants).map(c -> c.toString().toLowerCase(Locale.ROOT)).toList();
				}
				catch (ClassNotFoundException ex) {
					name = name.substring(0, i) + "$" + name.substring(i + 1);
				}
			}
		}
		return message;
	}
}
