package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The rate limits a {@link FakeGitHub} makes requests hit: primary (reset time) or secondary (retry-after,
 * or for GraphQL also HTTP 200 with a {@code RATE_LIMITED} error, with or without retry-after).
 */
final class FakeGitHubLimits {

	/**
	 * One rule: {@code resetIn} for a primary limit, {@code retryAfter} for a secondary one; {@code graphqlOk}
	 * for a secondary one answered with HTTP 200 (and {@code retryAfter} only when not {@code null}).
	 */
	record Rule(Pattern pattern, AtomicInteger remaining, Duration resetIn, Duration retryAfter, boolean graphqlOk) {

		boolean primary() {
			return resetIn != null;
		}
	}

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	void add(Pattern pattern, int times, Duration resetIn, Duration retryAfter) {
		rules.add(new Rule(pattern, new AtomicInteger(times), resetIn, retryAfter, false));
	}

	void addGraphqlOk(Pattern pattern, int times, Duration retryAfter) {
		rules.add(new Rule(pattern, new AtomicInteger(times), null, retryAfter, true));
	}

	void clear() {
		rules.clear();
	}

	/** The first rule matching {@code target} ("METHOD path?query") that still applies, claiming one use. */
	Optional<Rule> claim(String target) {
		for (Rule rule : rules) {
			if (rule.pattern().matcher(target).find() && rule.remaining().getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}
}
