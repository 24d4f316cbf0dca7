package ai.molecule.drift.forge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's rate limits as its documentation asks clients to handle them: on 403 or 429, honour
 * {@code retry-after}; else, with {@code x-ratelimit-remaining: 0}, wait until {@code x-ratelimit-reset};
 * else, for a secondary limit, wait a minute, doubling on each further wait. GraphQL may report either
 * limit with HTTP 200 and a {@code RATE_LIMITED} error (an exhausted primary one with
 * {@code x-ratelimit-remaining: 0}, a secondary one with requests to spare), which is waited for in the
 * same way. A plain 403 (no access) is no rate limit.
 */
final class GitHubRateLimits implements RateLimitPolicy {

	/** GitHub's advice when it gives no header: at least a minute. */
	private static final Duration SECONDARY_WAIT = Duration.ofMinutes(1);

	/** The reset instant is in whole seconds; one more avoids asking a moment too early. */
	private static final Duration RESET_MARGIN = Duration.ofSeconds(1);

	private static final String SECONDARY_MESSAGE = "secondary rate limit";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Clock clock;

	private final Duration ceiling;

	GitHubRateLimits(Clock clock, Duration ceiling) {
		this.clock = clock;
		this.ceiling = ceiling;
	}

	@Override
	public Optional<Wait> check(ForgeResponse response, int previousWaits) {
		int status = response.status();
		boolean graphql = status == 200 && graphqlRateLimited(response);
		if (!graphql && status != 403 && status != 429) {
			return Optional.empty();
		}
		String answer = graphql ? "GraphQL RATE_LIMITED with HTTP 200" : "HTTP " + status;
		Optional<String> remaining = response.header("x-ratelimit-remaining").map(String::trim);
		boolean exhausted = remaining.filter("0"::equals).isPresent();
		Optional<Long> retryAfter = response.header("retry-after").flatMap(GitHubRateLimits::seconds);
		if (retryAfter.isPresent()) {
			return Optional.of(new Wait(Duration.ofSeconds(retryAfter.get()),
					"GitHub's secondary rate limit was hit (" + answer + ", retry-after " + retryAfter.get() + " s)"));
		}
		if (exhausted) {
			return Optional.of(primary(response));
		}
		if (graphql || status == 429 || response.text().toLowerCase(Locale.ROOT).contains("rate limit")) {
			Duration wait = SECONDARY_WAIT.multipliedBy(1L << Math.min(previousWaits, 6));
			return Optional.of(new Wait(wait, "GitHub's secondary rate limit was hit (" + answer
					+ " without retry-after)"));
		}
		return Optional.empty();
	}

	@Override
	public Duration ceiling() {
		return ceiling;
	}

	@Override
	public String ceilingSetting() {
		return "drift.forge.github.max-rate-limit-wait";
	}

	private Wait primary(ForgeResponse response) {
		Optional<Instant> reset = response.header("x-ratelimit-reset")
			.flatMap(GitHubRateLimits::seconds)
			.map(Instant::ofEpochSecond);
		String resource = response.header("x-ratelimit-resource").map((r) -> " (" + r + ")").orElse("");
		if (reset.isEmpty()) {
			return new Wait(SECONDARY_WAIT, "GitHub's primary rate limit" + resource + " was hit (no reset time given)");
		}
		Duration until = Duration.between(clock.instant(), reset.get()).plus(RESET_MARGIN);
		return new Wait(until.isNegative() ? RESET_MARGIN : until.truncatedTo(ChronoUnit.SECONDS),
				"GitHub's primary rate limit" + resource + " was hit (x-ratelimit-remaining 0, resets at " + reset.get()
						+ ")");
	}

	/**
	 * Whether a GraphQL answer says the query was rate-limited: a top-level error of type
	 * {@code RATE_LIMITED}, or one of the whole query that speaks of a secondary rate limit. Parsed, not
	 * searched for: a file's text in {@code data} may spell the same words.
	 */
	private static boolean graphqlRateLimited(ForgeResponse response) {
		if (!response.uri().getPath().endsWith("/graphql")) {
			return false;
		}
		String text = response.text();
		if (!text.contains("RATE_LIMITED") && !text.toLowerCase(Locale.ROOT).contains(SECONDARY_MESSAGE)) {
			return false;
		}
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return false;
		}
		for (JsonNode error : root.path("errors").values()) {
			if (error.path("type").asString("").equals("RATE_LIMITED") || (error.path("path").isMissingNode()
					&& error.path("message").asString("").toLowerCase(Locale.ROOT).contains(SECONDARY_MESSAGE))) {
				return true;
			}
		}
		return false;
	}

	private static Optional<Long> seconds(String value) {
		try {
			return Optional.of(Long.parseLong(value.trim())).filter((n) -> n >= 0);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}
}
