package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import ai.molecule.drift.ConfigurationException;

/** Every configuration problem found before a run, to be told at once; nothing was started or written. */
final class ConfigurationProblems extends ConfigurationException {

	private final List<String> problems;

	ConfigurationProblems(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return problems;
	}

	/** The problems in a failure to start, when that is what it was. */
	static Optional<ConfigurationProblems> in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConfigurationProblems problems) {
				return Optional.of(problems);
			}
		}
		return Optional.empty();
	}

	void print(PrintStream err) {
		err.println("consumer-drift could not start: " + problems.size() + " configuration "
				+ (problems.size() == 1 ? "problem" : "problems") + "; nothing was run or written.");
		problems.forEach((problem) -> err.println("  - " + problem.replace("\n", "\n    ")));
		err.println("Run with help for the commands; README.md lists every setting.");
	}
}
