package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a run's content-creating requests within GitHub's documented secondary limits: at most
 * {@code perMinute} in any minute (it waits for the oldest to leave the minute) and {@code perHour} in any
 * hour, which it never waits out: a proposal that would cross it is not started, and is reported as not
 * reached, so a run stops cleanly instead of being blocked (and risking the integration's ban).
 */
final class ContentPacer {

	/** Why a proposal was not made. */
	static final String NOT_REACHED = "not reached: GitHub's hourly limit on content creation";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration HOUR = Duration.ofHours(1);

	private final int perMinute;

	private final int perHour;

	private final Clock clock;

	private final Sleeper sleeper;

	/** When each content-creating request of the last hour was sent, oldest first. */
	private final Deque<Instant> sent = new ArrayDeque<>();

	private Duration waited = Duration.ZERO;

	ContentPacer(int perMinute, int perHour, Clock clock, Sleeper sleeper) {
		this.perMinute = perMinute;
		this.perHour = perHour;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/** Fails with {@link PullBumps.NotReached} unless {@code writes} more fit in the hour. */
	synchronized void reserve(int writes) {
		forget(clock.instant());
		if (sent.size() + writes > perHour) {
			throw new PullBumps.NotReached(NOT_REACHED);
		}
	}

	/** Waits until one more content-creating request fits the minute, and counts it; none past the hour. */
	synchronized void beforeWrite() {
		Instant now = clock.instant();
		forget(now);
		if (sent.size() >= perHour) {
			throw new PullBumps.NotReached(NOT_REACHED);
		}
		Instant minuteAgo = now.minus(MINUTE);
		long inMinute = sent.stream().filter((at) -> at.isAfter(minuteAgo)).count();
		if (inMinute >= perMinute) {
			Instant oldest = sent.stream().filter((at) -> at.isAfter(minuteAgo)).findFirst().orElse(now);
			Duration wait = Duration.between(now, oldest.plus(MINUTE));
			try {
				sleeper.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PullBumps.NotReached("not reached: interrupted while pacing writes");
			}
			waited = waited.plus(wait);
			now = clock.instant();
		}
		sent.addLast(now);
	}

	/** How long the pacer waited in all. */
	synchronized Duration waited() {
		return waited;
	}

	/** How many content-creating requests were sent. */
	synchronized int sentInLastHour() {
		forget(clock.instant());
		return sent.size();
	}

	private void forget(Instant now) {
		while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(HOUR))) {
			sent.removeFirst();
		}
	}
}
