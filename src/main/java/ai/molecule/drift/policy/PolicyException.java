package ai.molecule.drift.policy;

import java.util.List;

/**
 * The policy file cannot be used; each problem names the file, and the line and key when known. The
 * message holds every problem found, one a line.
 */
public class PolicyException extends RuntimeException {

	private final List<String> problems;

	public PolicyException(String message) {
		this(List.of(message));
	}

	public PolicyException(String message, Throwable cause) {
		super(message, cause);
		this.problems = List.of(message);
	}

	PolicyException(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	/** Every problem, each a sentence starting with the file (and line), in the file's order. */
	public List<String> problems() {
		return problems;
	}
}
