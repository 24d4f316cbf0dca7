package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The faults a {@link FakeGitea} injects. Each rule matches when its regular expression is found in
 * the decoded {@code path?query} of a request, and applies a limited number of times or forever.
 */
final class FakeGiteaFaults {

	/** What a rule does to a matching request. */
	enum Kind {
		/** Answers {@code status} with a JSON error (and {@code Retry-After} when given). */
		FAIL,
		/** Answers 200 with an HTML page, like a proxy's error or login page. */
		HTML,
		/** Closes the connection without an answer. */
		DROP,
		/** Answers {@code status} with {@code Location: value}. */
		REDIRECT,
		/** Waits, then answers normally. */
		DELAY,
		/** Waits until the faults are cleared (at most five minutes), then answers normally. */
		HOLD,
		/** Answers normally, but only the first half of the body. */
		TRUNCATE,
		/** Answers normally, with one header replaced. */
		HEADER
	}

	/** One rule; {@code remaining} below zero means forever. */
	record Rule(Pattern pattern, Kind kind, int status, String name, String value, Duration delay,
			AtomicInteger remaining) {

		boolean claim(String target) {
			if (!pattern.matcher(target).find()) {
				return false;
			}
			if (remaining.get() < 0) {
				return true;
			}
			return remaining.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0;
		}
	}

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	/** Opened by {@link #clear()}: what held requests wait for. */
	private volatile CountDownLatch released = new CountDownLatch(1);

	void add(String regex, Kind kind, int status, String name, String value, Duration delay, int times) {
		rules.add(new Rule(Pattern.compile(regex), kind, status, name, value, delay, new AtomicInteger(times)));
	}

	void clear() {
		rules.clear();
		CountDownLatch held = released;
		released = new CountDownLatch(1);
		held.countDown();
	}

	/** Holds a request until {@link #clear()}, whatever the time it takes a test to get there. */
	void awaitRelease() {
		try {
			released.await(5, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The first rule of one of these kinds that matches and still applies (claiming one use of it). */
	Optional<Rule> claim(String target, Kind... kinds) {
		for (Rule rule : rules) {
			if (List.of(kinds).contains(rule.kind()) && rule.claim(target)) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}

	/** Every matching rule of this kind that still applies, for the kinds that combine (headers). */
	List<Rule> claimAll(String target, Kind kind) {
		return rules.stream().filter((rule) -> rule.kind() == kind && rule.claim(target)).toList();
	}
}
