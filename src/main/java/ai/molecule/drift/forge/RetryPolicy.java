package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a forge request is tried again and how long to wait first: jittered exponential back-off,
 * with the server's {@code Retry-After} honoured up to the same ceiling.
 */
final class RetryPolicy {

	/**
	 * Statuses a proxy or a busy forge gives for a passing problem. 500 is included because Gitea
	 * answers it for transient failures (database locks, git timeouts) and every request here is
	 * an idempotent GET.
	 */
	private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

	private final int maxAttempts;

	private final Duration baseDelay;

	private final Duration maxDelay;

	private final Clock clock;

	private final DoubleSupplier random;

	RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Clock clock, DoubleSupplier random) {
		this.maxAttempts = Math.max(1, maxAttempts);
		this.baseDelay = positiveOr(baseDelay, Duration.ofMillis(500));
		this.maxDelay = positiveOr(maxDelay, Duration.ofSeconds(30));
		this.clock = clock;
		this.random = random;
	}

	RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
		this(maxAttempts, baseDelay, maxDelay, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
	}

	int maxAttempts() {
		return maxAttempts;
	}

	boolean isRetryable(int status) {
		return RETRYABLE.contains(status);
	}

	/**
	 * The wait after the given failed attempt (1 for the first): {@code Retry-After} when the server
	 * sent a usable one, else the back-off; never more than the configured ceiling.
	 */
	Duration delay(int failedAttempt, String retryAfter) {
		Optional<Duration> requested = parseRetryAfter(retryAfter);
		if (requested.isPresent()) {
			return min(requested.get(), maxDelay);
		}
		Duration exponential = baseDelay;
		for (int i = 1; i < failedAttempt && exponential.compareTo(maxDelay) < 0; i++) {
			exponential = exponential.multipliedBy(2);
		}
		Duration capped = min(exponential, maxDelay);
		// "Equal jitter": at least half the back-off, so that parallel readers spread out without
		// retrying almost at once.
		long half = capped.toMillis() / 2;
		return Duration.ofMillis(half + Math.round(random.getAsDouble() * (capped.toMillis() - half)));
	}

	/** {@code Retry-After} as delta-seconds or HTTP-date; empty when absent or unreadable. */
	Optional<Duration> parseRetryAfter(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			try {
				return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
			}
			catch (NumberFormatException ex) {
				// Too many digits for a long: far beyond any ceiling.
				return Optional.of(maxDelay);
			}
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration until = Duration.between(clock.instant(), at.toInstant());
			return Optional.of(until.isNegative() ? Duration.ZERO : until);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration positiveOr(Duration value, Duration fallback) {
		return (value == null || value.isNegative()) ? fallback : value;
	}
}
