package ai.molecule.drift.forge;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Builds API URLs under one base with every path segment and query value percent-encoded, so that
 * names such as {@code my repo} or {@code a+b} and file names with spaces or non-ASCII characters
 * reach the forge intact.
 */
final class ForgeUrls {

	/** GitHub's public API. */
	static final URI GITHUB_API = URI.create("https://api.github.com");

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final String apiBase;

	private ForgeUrls(String apiBase) {
		this.apiBase = apiBase;
	}

	/**
	 * Gitea's API lives under {@code <root>/api/v1}; the root may carry a sub-path (Gitea behind
	 * {@code https://host/git/}) and the setting may already end with {@code /api/v1}.
	 */
	static ForgeUrls gitea(URI baseUrl) {
		String root = root(baseUrl);
		return new ForgeUrls(root + "/api/v1");
	}

	/** The URLs are used as they are (GitHub's API has its own host). */
	static ForgeUrls at(URI apiBase) {
		return new ForgeUrls(root(apiBase));
	}

	/**
	 * GitHub's REST API: {@code https://api.github.com} as it is; for GitHub Enterprise Server the
	 * server root or its {@code /api/v3}. {@code null} means github.com.
	 */
	static ForgeUrls github(URI baseUrl) {
		return new ForgeUrls(githubRest(baseUrl));
	}

	/** GitHub's GraphQL endpoint: {@code /graphql} on api.github.com, {@code /api/graphql} on Enterprise Server. */
	static URI githubGraphql(URI baseUrl) {
		String rest = githubRest(baseUrl);
		return URI.create(rest.endsWith("/api/v3") ? rest.substring(0, rest.length() - "/v3".length()) + "/graphql"
				: rest + "/graphql");
	}

	private static String githubRest(URI baseUrl) {
		String root = root((baseUrl != null) ? baseUrl : GITHUB_API);
		URI parsed = URI.create(root);
		boolean dotCom = "api.github.com".equalsIgnoreCase(parsed.getHost());
		if (dotCom || root.endsWith("/api/v3")) {
			return root;
		}
		return root + "/api/v3";
	}

	private static String root(URI baseUrl) {
		if (baseUrl == null || baseUrl.getHost() == null
				|| !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
			throw new IllegalArgumentException("drift.forge.base-url must be an absolute http(s) URL");
		}
		if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new IllegalArgumentException("drift.forge.base-url must not carry a query or fragment");
		}
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		path = stripTrailingSlashes(path);
		if (path.endsWith("/api/v1")) {
			path = stripTrailingSlashes(path.substring(0, path.length() - "/api/v1".length()));
		}
		String port = (baseUrl.getPort() != -1) ? ":" + baseUrl.getPort() : "";
		// User info is dropped on purpose: credentials travel only in the Authorization header.
		return baseUrl.getScheme() + "://" + baseUrl.getHost() + port + path;
	}

	private static String stripTrailingSlashes(String path) {
		String p = path;
		while (p.endsWith("/")) {
			p = p.substring(0, p.length() - 1);
		}
		return p;
	}

	/** A URL under the API base made of these path segments, each encoded as one segment. */
	Builder api(String... segments) {
		Builder builder = new Builder(apiBase);
		for (String segment : segments) {
			builder.segment(segment);
		}
		return builder;
	}

	/**
	 * A reference (a {@code Link} target, a {@code Location}) resolved against the URL it came
	 * with. {@link URI#resolve} follows RFC 2396 and drops the last path segment for a query-only
	 * reference such as {@code ?page=2}; RFC 3986 keeps it.
	 */
	static URI resolve(URI base, String reference) throws URISyntaxException {
		if (reference.startsWith("?")) {
			String raw = base.toString();
			int cut = raw.indexOf('?');
			if (cut < 0) {
				cut = (raw.indexOf('#') < 0) ? raw.length() : raw.indexOf('#');
			}
			return new URI(raw.substring(0, cut) + reference);
		}
		return base.resolve(new URI(reference));
	}

	/** Percent-encodes everything but RFC 3986 unreserved characters; valid in a path segment and in a query. */
	static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return out.toString();
	}

	/** Accumulates one URL; not shared between threads. */
	static final class Builder {

		private final StringBuilder path;

		private final StringBuilder query = new StringBuilder();

		private Builder(String base) {
			this.path = new StringBuilder(base);
		}

		Builder segment(String segment) {
			if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new IllegalArgumentException("invalid path segment '" + segment + "'");
			}
			path.append('/').append(encode(segment));
			return this;
		}

		/** A file path such as {@code docs/a b.md}: one encoded segment per name, empty names skipped. */
		Builder filePath(String filePath) {
			for (String segment : filePath.split("/")) {
				if (!segment.isEmpty()) {
					segment(segment);
				}
			}
			return this;
		}

		/**
		 * The empty file path of a repository's root, as GitHub's REST description has it: the path parameter
		 * after the last segment is empty, so the URL ends in a slash ({@code .../contents/}).
		 */
		Builder rootPath() {
			path.append('/');
			return this;
		}

		/** Adds {@code name=value}; a {@code null} value adds nothing. */
		Builder query(String name, Object value) {
			if (value != null) {
				query.append(query.isEmpty() ? '?' : '&')
					.append(encode(name))
					.append('=')
					.append(encode(value.toString()));
			}
			return this;
		}

		URI build() {
			return URI.create(path.toString() + query);
		}
	}
}
