package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one forge wants to be spoken to over HTTP.
 *
 * @param authScheme {@code token} for Gitea, {@code Bearer} for GitHub
 * @param headers sent with every request: {@code User-Agent}, {@code Accept}, an API version
 * @param rateLimits recognises the forge's rate-limit answers
 * @param writeInterval the least time between two requests that change something (GitHub asks for a
 *     second, against its secondary limits); zero for none
 */
record ForgeDialect(String authScheme, Map<String, String> headers, RateLimitPolicy rateLimits,
		Duration writeInterval) {

	ForgeDialect {
		headers = Map.copyOf(headers);
	}

	/** Gitea: {@code Authorization: token}, JSON, no rate limits. */
	static ForgeDialect gitea(String userAgent) {
		return new ForgeDialect("token", Map.of("User-Agent", userAgent, "Accept", "application/json"),
				RateLimitPolicy.NONE, Duration.ZERO);
	}

	/** GitHub: {@code Authorization: Bearer}, its media type and a pinned API version, its rate limits. */
	static ForgeDialect github(String userAgent, String apiVersion, RateLimitPolicy rateLimits,
			Duration writeInterval) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("User-Agent", userAgent);
		headers.put("Accept", "application/vnd.github+json");
		headers.put("X-GitHub-Api-Version", apiVersion);
		return new ForgeDialect("Bearer", headers, rateLimits, writeInterval);
	}

	/** {@code consumer-drift/<version>}, the version from the jar's manifest ({@code dev} when run from classes). */
	static String userAgent() {
		String version = ForgeDialect.class.getPackage().getImplementationVersion();
		return "consumer-drift/" + ((version != null) ? version : "dev");
	}
}
