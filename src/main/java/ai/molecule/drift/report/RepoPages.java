package ai.molecule.drift.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ai.molecule.drift.model.RunReport.ForgeInfo;

/**
 * A repository's page on its forge, for the HTML report's links: the web root derived from the API base
 * URL the run used ({@code api.github.com} is {@code github.com}; an Enterprise Server's {@code /api/v3}
 * and a Gitea's {@code /api/v1} are dropped); none for the local forge or a base URL that is not http(s).
 */
final class RepoPages {

	private final String root;

	private RepoPages(String root) {
		this.root = root;
	}

	static RepoPages of(ForgeInfo forge) {
		if (forge == null || forge.baseUrl() == null || forge.org() == null || forge.org().isBlank()) {
			return new RepoPages(null);
		}
		String base = forge.baseUrl().strip().replaceAll("/+$", "");
		String lower = base.toLowerCase(Locale.ROOT);
		boolean web = lower.startsWith("https://") || lower.startsWith("http://");
		if (!web || !("gitea".equals(forge.type()) || "github".equals(forge.type()))) {
			return new RepoPages(null);
		}
		if (lower.matches("https?://api\\.github\\.com")) {
			base = "https://github.com";
		}
		base = base.replaceAll("(?i)/api/v[13]$", "");
		return new RepoPages(base + "/" + segment(forge.org()) + "/");
	}

	/** The repository's page; {@code null} when the forge has no web pages to link to. */
	String page(String name) {
		return root == null || name == null ? null : root + segment(name);
	}

	// One path segment, whatever the name holds: nothing in it can leave the forge's path.
	private static String segment(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
