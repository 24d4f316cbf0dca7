package ai.molecule.drift.forge;

/**
 * A forge request that failed for a reason other than "not found": the answer is unknown.
 * The message names the request path and what went wrong, never the token.
 */
public class ForgeException extends RuntimeException {

	public ForgeException(String message) {
		super(message);
	}

	public ForgeException(String message, Throwable cause) {
		super(message, cause);
	}
}
