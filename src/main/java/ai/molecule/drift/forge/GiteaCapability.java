package ai.molecule.drift.forge;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this Gitea has an endpoint that older servers lack (1.24's {@code file-contents}, the later
 * {@code contents-ext}), learnt once per instance. A 404 or 405 from it proves it absent only when the same
 * repository then answers the older endpoint: a repository or branch that vanished answers 404 everywhere,
 * and must not turn the endpoint off for the rest of the run. Thread-safe.
 */
final class GiteaCapability {

	private enum State {
		UNKNOWN, PRESENT, ABSENT
	}

	private final Object probeLock = new Object();

	private volatile State state = State.UNKNOWN;

	/**
	 * The newer endpoint's answer, or empty when the caller must use the older one. While the answer is
	 * unknown the first caller asks alone, so that an old server is probed once rather than once per thread.
	 *
	 * @param newer asks the newer endpoint; empty when it answered 404 or 405
	 * @param olderAnswers asks the older endpoint for the same repository (the caller keeps its answer):
	 *     whether it answered, which makes the newer one's 404 the server's and not the repository's
	 */
	<T> Optional<T> ask(Supplier<Optional<T>> newer, BooleanSupplier olderAnswers) {
		if (state == State.PRESENT) {
			// A 404 now is this repository's (it vanished); the caller reads it the older way, nothing is learnt.
			return newer.get();
		}
		if (state == State.ABSENT) {
			return Optional.empty();
		}
		synchronized (probeLock) {
			if (state == State.UNKNOWN) {
				Optional<T> answer = newer.get();
				if (answer.isPresent()) {
					state = State.PRESENT;
				}
				else if (olderAnswers.getAsBoolean()) {
					state = State.ABSENT;
				}
				return answer;
			}
		}
		return ask(newer, olderAnswers);
	}

	/** {@code supplier}'s value, asked for at most once: an answer read for a probe is not read again. */
	static <T> Supplier<T> once(Supplier<T> supplier) {
		Object[] value = new Object[1];
		boolean[] done = new boolean[1];
		return () -> {
			if (!done[0]) {
				value[0] = supplier.get();
				done[0] = true;
			}
			@SuppressWarnings("unchecked")
			T result = (T) value[0];
			return result;
		};
	}
}
