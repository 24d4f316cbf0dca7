package ai.molecule.drift.forge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Gitea's paging {@code Link} header ({@code genAPILinks}): absolute URLs from its ROOT_URL. */
final class FakeGiteaLinks {

	private FakeGiteaLinks() {
	}

	/**
	 * {@code next} and {@code last} unless on the last page, {@code first} and {@code prev} unless on
	 * the first; empty for a single page. The caller's query is kept (its own {@code limit} included,
	 * as Gitea does) with {@code page} replaced.
	 */
	static String header(String rootUrl, String rawPath, Map<String, String> query, int total, int limit, int page) {
		int pages = Math.max(1, (total + limit - 1) / limit);
		List<String> links = new ArrayList<>();
		if (page < pages) {
			links.add(link(rootUrl, rawPath, query, page + 1, "next"));
			links.add(link(rootUrl, rawPath, query, pages, "last"));
		}
		if (page > 1) {
			links.add(link(rootUrl, rawPath, query, 1, "first"));
			links.add(link(rootUrl, rawPath, query, page - 1, "prev"));
		}
		return String.join(",", links);
	}

	private static String link(String rootUrl, String rawPath, Map<String, String> query, int page, String rel) {
		// Go's url.Values.Encode sorts the keys.
		Map<String, String> params = new TreeMap<>(query);
		params.put("page", Integer.toString(page));
		StringJoiner encoded = new StringJoiner("&");
		params.forEach((name, value) -> encoded.add(encode(name) + "=" + encode(value)));
		// Gitea's AppURL ends in a slash and the request URI is appended without its leading one.
		String root = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
		return "<" + root + rawPath.substring(1) + "?" + encoded + ">; rel=\"" + rel + "\"";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
