package ai.molecule.drift.forge;

/**
 * A request the forge kept rate-limited for longer than the job may wait: the run stops rather than
 * work around it, since any other request (reading repositories one by one, say) would only add load.
 */
final class RateLimitedException extends ForgeException {

	RateLimitedException(String message) {
		super(message);
	}
}
