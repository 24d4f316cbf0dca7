package ai.molecule.drift.forge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed RFC 8288 {@code Link} header, as forges use it for paging: relation name to target.
 *
 * @param links targets by relation name ({@code next}, {@code last}, ...), resolved to absolute URLs
 */
record LinkHeader(Map<String, URI> links) {

	private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d{1,6})(?:&|$)");

	LinkHeader {
		links = Map.copyOf(links);
	}

	/**
	 * Parses {@code <url>; rel="next", <url>; rel="last"}; relative targets are resolved against
	 * {@code base}. A target that is not a URL is an {@link IllegalArgumentException}: silently
	 * dropping a {@code next} link would silently truncate a listing.
	 */
	static LinkHeader parse(String value, URI base) {
		Map<String, URI> links = new LinkedHashMap<>();
		if (value == null) {
			return new LinkHeader(links);
		}
		int at = value.indexOf('<');
		while (at >= 0) {
			int end = value.indexOf('>', at);
			if (end < 0) {
				throw new IllegalArgumentException("unterminated <target> in Link header");
			}
			URI target = resolve(value.substring(at + 1, end).trim(), base);
			int nextAt = value.indexOf('<', end);
			String params = value.substring(end + 1, (nextAt < 0) ? value.length() : nextAt);
			for (String rel : relations(params)) {
				links.putIfAbsent(rel, target);
			}
			at = nextAt;
		}
		return new LinkHeader(links);
	}

	Optional<URI> rel(String name) {
		return Optional.ofNullable(links.get(name));
	}

	/** The {@code page} parameter of a paging link, when it has a plausible one. */
	static OptionalInt pageNumber(URI link) {
		if (link.getRawQuery() == null) {
			return OptionalInt.empty();
		}
		Matcher page = PAGE.matcher("?" + link.getRawQuery());
		return page.find() ? OptionalInt.of(Integer.parseInt(page.group(1))) : OptionalInt.empty();
	}

	private static URI resolve(String target, URI base) {
		try {
			return ForgeUrls.resolve(base, target);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Link header target is not a URL", ex);
		}
	}

	/** The names in {@code rel="a b"} or {@code rel=a}; a link may carry several. */
	private static String[] relations(String params) {
		for (String param : params.split(";")) {
			String p = param.trim();
			int eq = p.indexOf('=');
			if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
				String v = p.substring(eq + 1).trim();
				if (v.endsWith(",")) {
					v = v.substring(0, v.length() - 1).trim();
				}
				v = v.replace("\"", "").trim().toLowerCase(Locale.ROOT);
				return v.isEmpty() ? new String[0] : v.split("\\s+");
			}
		}
		return new String[0];
	}
}
