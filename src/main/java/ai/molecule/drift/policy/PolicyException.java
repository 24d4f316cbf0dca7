package ai.molecule.drift.policy;

/** The policy file cannot be used; the message names the file, and the line and key when known. */
public class PolicyException extends RuntimeException {

	public PolicyException(String message) {
		super(message);
	}

	public PolicyException(String message, Throwable cause) {
		super(message, cause);
	}
}
