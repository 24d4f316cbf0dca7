package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What every command is given: its output streams, the {@code --name=value} settings taken from the command
 * line for Spring, and the environment (checked for misspelled {@code DRIFT_*} variables).
 *
 * @param out documents and results
 * @param err messages, usage after a mistake, and logs
 * @param settings the {@code --name=value} arguments, in order
 * @param environment the process environment
 * @param settingProblems misspelled settings and variables, for a command that tells them with its own checks
 */
record Terminal(PrintStream out, PrintStream err, List<String> settings, Map<String, String> environment,
		List<String> settingProblems) {
}
