package ai.molecule.drift.cli;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.dao.DataAccessException;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.policy.PolicyException;

/**
 * Turns a failure to start into one sentence an operator can act on, without a stack trace, when it is a
 * problem of configuration (a setting, the policy, the database); anything else is an internal error.
 */
final class StartupFailures {

	private static final String NO_ENUM_CONSTANT = "No enum constant ";

	private StartupFailures() {
	}

	/** Whether the failure is the user's configuration (or environment) rather than a defect. */
	static boolean isConfiguration(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConfigurationException || t instanceof BindException || t instanceof PolicyException
					|| t instanceof SQLException || t instanceof DataAccessException || t instanceof IOException
					|| isDatabaseLock(t)) {
				return true;
			}
		}
		return false;
	}

	static String explain(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (isDatabaseLock(t)) {
				return "a scan is running on the history database right now (H2 allows one process at a time "
						+ "on a file). Wait for it to finish, or set spring.datasource.url (SPRING_DATASOURCE_URL) "
						+ "to another database.";
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

	private static boolean isDatabaseLock(Throwable t) {
		String message = String.valueOf(t.getMessage());
		return message.contains("Database may be already in use") || message.contains("file is locked");
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
