package ai.molecule.drift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the {@code --name=value} settings and the {@code DRIFT_*} environment before anything starts: a
 * misspelled setting would otherwise be ignored silently, and the run would use the default.
 */
final class SettingsCheck {

	private static final String VARIABLE_PREFIX = "DRIFT_";

	private final SettingNames names;

	SettingsCheck(SettingNames names) {
		this.names = names;
	}

	/** One sentence per problem, in the order given; empty when all is well. Values are never echoed. */
	List<String> problems(List<String> settings, Map<String, String> environment) {
		List<String> problems = new ArrayList<>();
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			String name = setting.substring(2, (equals < 0) ? setting.length() : equals);
			if (equals < 0) {
				problems.add("The setting --" + name + " has no value: settings are written --" + name + "=value.");
			}
			else if (name.startsWith(SettingNames.PREFIX) && !names.knows(name)) {
				String suggestion = suggestion(names.closest(name).map((n) -> "--" + n));
				problems.add("Unknown setting --" + name + (suggestion.isEmpty() ? "." : suggestion));
			}
		}
		environment.keySet().stream().filter((v) -> v.startsWith(VARIABLE_PREFIX)).sorted()
			.filter((v) -> !names.knowsVariable(v))
			.forEach((v) -> problems.add("Unknown environment variable " + v + suggestion(names.closestVariable(v))
					+ " (drift.* settings bind from DRIFT_* variables; unset it or correct its name)."));
		return problems;
	}

	private static String suggestion(Optional<String> closest) {
		return closest.map((c) -> "; did you mean " + c + "?").orElse("");
	}
}
