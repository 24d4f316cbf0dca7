package ai.molecule.drift.forge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that only GitHub needs ({@code drift.forge.github.*}); the connection itself is
 * {@code drift.forge.*}.
 *
 * @param apiVersion the REST API version sent as {@code X-GitHub-Api-Version}, pinned so that a new
 *     default version cannot change the answers under a nightly job
 * @param graphql read files through the GraphQL API, many repositories per request, when a token is set
 *     (GraphQL needs one); {@code false} reads every repository through REST
 * @param graphqlBatchSize repositories per GraphQL request (1 to 100); lower it if GitHub answers 502
 *     for heavy queries
 * @param maxRateLimitWait the most time one request may wait for GitHub's rate limits; when GitHub asks
 *     for longer, the run stops with an error saying the limit was hit
 * @param writeInterval the least time between two requests that change something (GitHub asks for a
 *     second, against its secondary rate limits)
 */
@ConfigurationProperties("drift.forge.github")
public record GitHubProperties(
		@DefaultValue("2022-11-28") String apiVersion,
		@DefaultValue("true") boolean graphql,
		@DefaultValue("100") int graphqlBatchSize,
		@DefaultValue("15m") Duration maxRateLimitWait,
		@DefaultValue("1s") Duration writeInterval) {

	public GitHubProperties {
		if (graphqlBatchSize < 1 || graphqlBatchSize > 100) {
			throw new IllegalArgumentException(
					"drift.forge.github.graphql-batch-size must be between 1 and 100, not " + graphqlBatchSize);
		}
		if (maxRateLimitWait == null || maxRateLimitWait.isNegative()) {
			throw new IllegalArgumentException("drift.forge.github.max-rate-limit-wait must not be negative");
		}
		if (writeInterval == null || writeInterval.isNegative()) {
			throw new IllegalArgumentException("drift.forge.github.write-interval must not be negative");
		}
	}

	/** The defaults, for code that builds a GitHub forge without Spring. */
	public static GitHubProperties defaults() {
		return new GitHubProperties("2022-11-28", true, 100, Duration.ofMinutes(15), Duration.ofSeconds(1));
	}
}
