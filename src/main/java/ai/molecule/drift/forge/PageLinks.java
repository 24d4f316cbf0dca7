package ai.molecule.drift.forge;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Turns a page's {@code Link rel="next"} into the next request, on the configured origin only. Gitea
 * builds its links from its {@code ROOT_URL}, which names another origin whenever the job reaches it by
 * another address (an in-cluster service); such a link is paged by its page number on the configured
 * origin, so the token never goes to the link's host. GitHub links to the host it was asked on, so a
 * link to another host there is refused.
 */
final class PageLinks {

	/** Where a forge's paging links point. */
	enum Style {

		/** Gitea: links from {@code ROOT_URL}, which may name another origin than the configured one. */
		PUBLIC_URL,

		/** GitHub: links to the host that was asked. */
		REQUEST_HOST
	}

	private final ForgeHttpClient client;

	private final Style style;

	PageLinks(ForgeHttpClient client, Style style) {
		this.client = client;
		this.style = style;
	}

	/** The {@code rel="next"} link of a page, resolved against the page's URL; empty on the last page. */
	Optional<URI> next(ForgeResponse response, String header) {
		try {
			return LinkHeader.parse(header, response.uri()).rel("next");
		}
		catch (IllegalArgumentException ex) {
			throw client.failure(
					ForgeHttpClient.describe(response.uri()) + ": unreadable Link header (" + ex.getMessage() + ")");
		}
	}

	/**
	 * The request that reads the linked page: the link itself on the configured origin, else (Gitea) the
	 * page number it names on this listing's own URL. A link back to a page already read is an error.
	 *
	 * @param page the URL of a page number on the configured origin
	 */
	URI request(URI current, URI next, Set<URI> visited, IntFunction<URI> page) {
		URI request = onOrigin(current, next, page);
		if (visited.contains(request)) {
			throw client.failure(ForgeHttpClient.describe(current) + ": the server's Link rel=\"next\" points back to "
					+ ForgeHttpClient.describe(request) + " (" + request.getRawQuery()
					+ "), a page already read; the listing is inconsistent");
		}
		return request;
	}

	/**
	 * How pages past the first are addressed when the first page's {@code rel="last"} names another origin:
	 * by number on the configured origin (Gitea), or not at all (GitHub: the link is refused when followed).
	 */
	Optional<IntFunction<URI>> elsewhere(IntFunction<URI> page) {
		return (style == Style.PUBLIC_URL) ? Optional.of(page) : Optional.empty();
	}

	private URI onOrigin(URI current, URI next, IntFunction<URI> page) {
		if (Origin.of(next).equals(client.origin())) {
			return next;
		}
		OptionalInt number = LinkHeader.pageNumber(next);
		if (style == Style.PUBLIC_URL && number.isPresent()) {
			// Only the number is taken: path, query and host stay this listing's own.
			return page.apply(number.getAsInt());
		}
		throw client.failure(ForgeHttpClient.describe(current) + ": the server's Link rel=\"next\" points to another host ("
				+ Origin.of(next) + ", configured " + client.origin() + ")"
				+ ((style == Style.PUBLIC_URL) ? " and names no page number" : "") + "; refusing to follow it");
	}
}
