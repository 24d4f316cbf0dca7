package ai.molecule.drift;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code drift.*} setting, bound from {@code application.yml}, the environment
 * ({@code DRIFT_ORG}, ...) and {@code --drift.org=...} arguments.
 *
 * @param forge where the organisation lives and how to talk to it
 * @param org the organisation (owner) whose repositories are scanned
 * @param repoPrefix repositories whose name starts with this are scanned
 * @param ssot where the runtime's releases come from
 * @param policyFile the reviewed YAML policy: consumers, exemptions, thresholds
 * @param report where the reports go and which templates render them
 * @param scan how the scan step runs
 */
@ConfigurationProperties("drift")
public record DriftProperties(
		@DefaultValue Forge forge,
		@DefaultValue("molecule-ai") String org,
		@DefaultValue("molecule-ai-workspace-template-") String repoPrefix,
		@DefaultValue Ssot ssot,
		@DefaultValue("drift-policy.yml") Path policyFile,
		@DefaultValue Report report,
		@DefaultValue Scan scan) {

	/**
	 * The forge connection.
	 *
	 * @param type {@code gitea}, {@code github} or {@code local}
	 * @param baseUrl server root such as {@code https://git.example.com}; a trailing {@code /api/v1} is accepted
	 * @param token API token; sent only to the host of {@code baseUrl}; never logged
	 * @param root for {@code local}: a folder with one sub-folder per repository
	 * @param connectTimeout time allowed to open a connection
	 * @param requestTimeout time allowed for an answer to begin, and between two packets of it
	 * @param maxAttempts attempts per request for retryable failures (429, 500, 502, 503, 504, I/O)
	 * @param retryBaseDelay first back-off delay; doubled (with jitter) on each retry
	 * @param retryMaxDelay ceiling for one back-off delay, {@code Retry-After} included
	 * @param requestDeadline most time one request may take from connecting to the body's last byte;
	 *     past it the request is abandoned as a time-out and not retried
	 * @param maxBodySize most bytes of one answer, counted after decompression, by kind of request
	 */
	public record Forge(
			@DefaultValue("gitea") ForgeType type,
			URI baseUrl,
			String token,
			Path root,
			@DefaultValue("10s") Duration connectTimeout,
			@DefaultValue("30s") Duration requestTimeout,
			@DefaultValue("4") int maxAttempts,
			@DefaultValue("500ms") Duration retryBaseDelay,
			@DefaultValue("30s") Duration retryMaxDelay,
			@DefaultValue("2m") Duration requestDeadline,
			@DefaultValue BodyLimits maxBodySize) {

		public Forge {
			requireRange("drift.forge.max-attempts", maxAttempts, 1, 20);
			if (requestDeadline == null || requestDeadline.isNegative() || requestDeadline.isZero()) {
				throw new IllegalArgumentException("drift.forge.request-deadline must be a positive duration");
			}
			maxBodySize = (maxBodySize != null) ? maxBodySize : BodyLimits.defaults();
			// Not echoed: a URL may carry credentials (https://user:token@host).
			if (baseUrl != null && (baseUrl.getHost() == null || baseUrl.getScheme() == null
					|| !baseUrl.getScheme().matches("(?i)https?"))) {
				throw new IllegalArgumentException("drift.forge.base-url (DRIFT_FORGE_BASE_URL) must be an http or https "
						+ "URL with a host, such as https://git.example.com");
			}
		}

		public boolean hasToken() {
			return token != null && !token.isBlank();
		}

		/** Never prints the token. */
		@Override
		public String toString() {
			return "Forge[type=" + type + ", baseUrl=" + baseUrl + ", token=" + (hasToken() ? "<set>" : "<none>")
					+ ", root=" + root + "]";
		}
	}

	/**
	 * The most bytes the job reads of one forge answer, after decompression: a hostile or broken forge
	 * cannot exhaust the heap with a large or endless body, or with a small compressed one that inflates.
	 *
	 * @param page most bytes of one page of a list (repositories, tags, releases, issues, labels)
	 * @param file most bytes of one file, one repository or any other single answer (a write's answer included)
	 * @param graphql most bytes of one GitHub GraphQL answer (files of up to 100 repositories, or a page of tags)
	 */
	public record BodyLimits(
			@DefaultValue("4MB") DataSize page,
			@DefaultValue("2MB") DataSize file,
			@DefaultValue("8MB") DataSize graphql) {

		public BodyLimits {
			requirePositive("drift.forge.max-body-size.page", page);
			requirePositive("drift.forge.max-body-size.file", file);
			requirePositive("drift.forge.max-body-size.graphql", graphql);
		}

		/** The defaults, for code that builds settings by hand. */
		public static BodyLimits defaults() {
			return new BodyLimits(DataSize.ofMegabytes(4), DataSize.ofMegabytes(2), DataSize.ofMegabytes(8));
		}

		private static void requirePositive(String property, DataSize size) {
			if (size == null || size.toBytes() <= 0) {
				throw new IllegalArgumentException(property + " must be a positive size such as 4MB");
			}
		}
	}

	/** Forge kinds. */
	public enum ForgeType {
		GITEA, GITHUB, LOCAL;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * The runtime repository that is the single source of truth for the version.
	 *
	 * @param repo the runtime repository, in the same organisation
	 * @param tagPrefix release tags are this prefix followed by {@code X.Y.Z}
	 * @param fallbackFile read for {@code [project] version} when no release tag exists
	 */
	public record Ssot(
			@DefaultValue("molecule-ai-workspace-runtime") String repo,
			@DefaultValue("runtime-v") String tagPrefix,
			@DefaultValue("pyproject.toml") String fallbackFile) {
	}

	/**
	 * Report output.
	 *
	 * @param dir folder the reports are written to
	 * @param templates FreeMarker template location; templates found there override the defaults in the jar
	 */
	public record Report(
			@DefaultValue("reports") Path dir,
			@DefaultValue("file:reports-templates/") String templates) {
	}

	/**
	 * Scan step tuning.
	 *
	 * @param concurrency repositories read at once
	 * @param chunkSize repositories persisted per transaction; the scan's threads wait for the slowest
	 *     repository of a chunk and for its write, so larger chunks keep them busier (see docs/performance.md)
	 * @param deadline how long a whole run may take, counted from its start; once it has passed, no
	 *     further repository is read (those left are reported as not read) and the run ends as an error
	 */
	public record Scan(
			@DefaultValue("8") int concurrency,
			@DefaultValue("500") int chunkSize,
			@DefaultValue("30m") Duration deadline) {

		public Scan {
			requireRange("drift.scan.concurrency", concurrency, 1, 256);
			requireRange("drift.scan.chunk-size", chunkSize, 1, 10_000);
			if (deadline == null || deadline.isZero() || deadline.isNegative()) {
				throw new IllegalArgumentException("drift.scan.deadline must be a positive duration, not " + deadline);
			}
		}
	}

	private static void requireRange(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(
					property + " must be between " + min + " and " + max + ", not " + value);
		}
	}
}
