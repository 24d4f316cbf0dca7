package ai.molecule.drift.forge;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request until it has an answer worth returning: waits out the forge's rate limits (up to
 * their ceiling), retries passing failures with back-off when the request is idempotent, and keeps
 * writes apart by the dialect's interval. Messages name the method and path, scrubbed of the token.
 */
final class ForgeSender {

	private static final Logger log = LoggerFactory.getLogger(ForgeSender.class);

	/** Rate-limit waits allowed for one request, whatever the ceiling, so that a confused server cannot loop us. */
	private static final int MAX_RATE_LIMIT_WAITS = 5;

	private final ForgeTransport transport;

	private final RetryPolicy retry;

	private final RateLimitPolicy rateLimits;

	private final Duration writeInterval;

	private final Sleeper sleeper;

	private final UnaryOperator<String> redact;

	private Instant lastWrite = Instant.MIN;

	ForgeSender(ForgeTransport transport, RetryPolicy retry, ForgeDialect dialect, Sleeper sleeper,
			UnaryOperator<String> redact) {
		this.transport = transport;
		this.retry = retry;
		this.rateLimits = dialect.rateLimits();
		this.writeInterval = dialect.writeInterval();
		this.sleeper = sleeper;
		this.redact = redact;
	}

	ForgeResponse send(ForgeRequest request) {
		String what = redact.apply(ForgeHttpClient.describe(request.method(), request.uri()));
		Duration rateLimited = Duration.ZERO;
		int rateLimitWaits = 0;
		for (int attempt = 1;; attempt++) {
			String failure;
			String retryAfter = null;
			try {
				spaceWrites(request, what);
				ForgeResponse response = transport.send(request);
				Optional<RateLimitPolicy.Wait> limit = rateLimits.check(response, rateLimitWaits);
				if (limit.isPresent()) {
					rateLimited = rateLimited.plus(limit.get().duration());
					rateLimitWaits++;
					checkCeiling(what, limit.get(), rateLimited, rateLimitWaits);
					log.warn("{}: {}; waiting {} s as asked", what, limit.get().reason(), limit.get().duration().toSeconds());
					pause(limit.get().duration(), what);
					// Waiting out a rate limit is no failed attempt.
					attempt--;
					continue;
				}
				boolean retryable = request.idempotent() ? retry.isRetryable(response.status())
						: response.status() == 429;
				if (!retryable) {
					return response;
				}
				failure = "HTTP " + response.status();
				retryAfter = response.header("Retry-After").orElse(null);
			}
			catch (IOException ex) {
				failure = ex.getClass().getSimpleName()
						+ ((ex.getMessage() != null) ? " (" + ex.getMessage() + ")" : "");
				if (!request.idempotent()) {
					throw failure(what + ": " + failure + "; not retried, since the forge may have applied it");
				}
			}
			catch (RateLimitedException ex) {
				// Already scrubbed, and its kind matters to the caller.
				throw ex;
			}
			catch (ForgeException ex) {
				throw (ex.getCause() != null) ? new ForgeException(redact.apply(ex.getMessage()), ex.getCause())
						: failure(ex.getMessage());
			}
			if (attempt >= retry.maxAttempts()) {
				throw failure(what + ": " + failure + " after " + attempt + ((attempt == 1) ? " attempt" : " attempts"));
			}
			Duration wait = retry.delay(attempt, retryAfter);
			log.warn("{}: {} (attempt {} of {}), retrying in {} ms", what, redact.apply(failure), attempt,
					retry.maxAttempts(), wait.toMillis());
			pause(wait, what);
		}
	}

	private void checkCeiling(String what, RateLimitPolicy.Wait limit, Duration total, int waits) {
		if (total.compareTo(rateLimits.ceiling()) > 0) {
			throw rateLimited(what + ": " + limit.reason() + "; waiting " + limit.duration().toSeconds()
					+ " s more would exceed the " + rateLimits.ceiling().toSeconds() + " s allowed ("
					+ rateLimits.ceilingSetting() + "), so the run stops here");
		}
		if (waits > MAX_RATE_LIMIT_WAITS) {
			throw rateLimited(what + ": " + limit.reason() + " again after " + MAX_RATE_LIMIT_WAITS + " waits; giving up");
		}
	}

	/** Keeps writes apart by the dialect's interval; reads are never held back. */
	private void spaceWrites(ForgeRequest request, String what) {
		if (request.idempotent() || writeInterval.isZero()) {
			return;
		}
		Duration wait;
		synchronized (this) {
			Instant now = Instant.now();
			Instant next = lastWrite.equals(Instant.MIN) ? now : lastWrite.plus(writeInterval);
			wait = next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
			lastWrite = now.plus(wait);
		}
		if (!wait.isZero()) {
			pause(wait, what);
		}
	}

	private void pause(Duration wait, String what) {
		try {
			sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure(what + ": interrupted while waiting to retry");
		}
	}

	private RateLimitedException rateLimited(String message) {
		return new RateLimitedException(redact.apply(message));
	}

	private ForgeException failure(String message) {
		return new ForgeException(redact.apply(message));
	}
}
