package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RetryPolicy}: which statuses are retried, back-off growth, jitter bounds and {@code Retry-After}. */
class RetryPolicyTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

	@Test
	void retriesOnlyPassingFailures() {
		RetryPolicy policy = policy(1.0);
		assertThat(policy.isRetryable(429)).isTrue();
		assertThat(policy.isRetryable(500)).isTrue();
		assertThat(policy.isRetryable(502)).isTrue();
		assertThat(policy.isRetryable(503)).isTrue();
		assertThat(policy.isRetryable(504)).isTrue();
		assertThat(policy.isRetryable(404)).isFalse();
		assertThat(policy.isRetryable(401)).isFalse();
		assertThat(policy.isRetryable(501)).isFalse();
	}

	@Test
	void doublesTheDelayUpToTheCeiling() {
		RetryPolicy top = policy(1.0);
		assertThat(top.delay(1, null)).isEqualTo(Duration.ofMillis(500));
		assertThat(top.delay(2, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(top.delay(3, null)).isEqualTo(Duration.ofSeconds(2));
		assertThat(top.delay(5, null)).isEqualTo(Duration.ofSeconds(5));
		assertThat(top.delay(60, null)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void jitterKeepsAtLeastHalfTheDelay() {
		RetryPolicy bottom = policy(0.0);
		assertThat(bottom.delay(1, null)).isEqualTo(Duration.ofMillis(250));
		assertThat(bottom.delay(3, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy(0.5).delay(2, null)).isEqualTo(Duration.ofMillis(750));
	}

	@Test
	void honoursRetryAfterSecondsAndDatesUpToTheCeiling() {
		RetryPolicy policy = policy(0.0);
		assertThat(policy.delay(1, "3")).isEqualTo(Duration.ofSeconds(3));
		assertThat(policy.delay(1, " 0 ")).isEqualTo(Duration.ZERO);
		assertThat(policy.delay(1, "120")).isEqualTo(Duration.ofSeconds(5));
		assertThat(policy.delay(1, "99999999999999999999999")).isEqualTo(Duration.ofSeconds(5));
		assertThat(policy.delay(1, "Sun, 22 Nov 2026 03:00:04 GMT")).isEqualTo(Duration.ofSeconds(4));
		assertThat(policy.delay(1, "Sun, 22 Nov 2026 02:00:00 GMT")).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresAnUnreadableRetryAfter() {
		assertThat(policy(0.0).delay(2, "soon")).isEqualTo(Duration.ofMillis(500));
		assertThat(policy(0.0).delay(2, "-5")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void makesAtLeastOneAttempt() {
		RetryPolicy policy = new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(2), NOW, () -> 0);
		assertThat(policy.maxAttempts()).isEqualTo(1);
	}

	private static RetryPolicy policy(double random) {
		return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(5), NOW, () -> random);
	}
}
