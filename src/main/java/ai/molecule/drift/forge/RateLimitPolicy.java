package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.Optional;

/**
 * Recognises a forge's "slow down" answers and says how long to wait before asking again. Gitea has
 * none ({@link #NONE}); GitHub's are {@link GitHubRateLimits}.
 */
interface RateLimitPolicy {

	/** No rate limit: every answer is taken as it is. */
	RateLimitPolicy NONE = new RateLimitPolicy() {

		@Override
		public Optional<Wait> check(ForgeResponse response, int previousWaits) {
			return Optional.empty();
		}

		@Override
		public Duration ceiling() {
			return Duration.ZERO;
		}
	};

	/**
	 * How long to wait when {@code response} says the rate limit was hit; empty for any other answer.
	 *
	 * @param previousWaits how many times this request already waited (for exponential back-off)
	 */
	Optional<Wait> check(ForgeResponse response, int previousWaits);

	/** The most one request may wait in total; asking for more makes it fail, saying the limit was hit. */
	Duration ceiling();

	/** The setting that raises {@link #ceiling()}, for the message. */
	default String ceilingSetting() {
		return "";
	}

	/**
	 * One wait.
	 *
	 * @param duration how long
	 * @param reason which limit was hit, for the log and the error message
	 */
	record Wait(Duration duration, String reason) {
	}
}
