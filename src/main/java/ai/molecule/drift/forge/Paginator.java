package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Reads every page of a forge list. It follows {@code Link: rel="next"} when the server sends a
 * {@code Link} header, and otherwise asks for the next page number until a page comes back empty:
 * Gitea clamps the page size and drops unreadable repositories after paging, so a short page is not
 * the end. A {@code next} link to another host or back to a page already read, or more than
 * {@link #MAX_PAGES} pages, is a lying server and an error, never an endless loop.
 */
final class Paginator {

	private static final Logger log = LoggerFactory.getLogger(Paginator.class);

	static final int MAX_PAGES = 10_000;

	private final ForgeHttpClient client;

	private final int maxPages;

	private final boolean linkAlways;

	Paginator(ForgeHttpClient client) {
		this(client, MAX_PAGES, false);
	}

	/**
	 * @param linkAlways the server always links to the next page (GitHub), so a page without a
	 *     {@code Link} header is the last one and no empty page needs to be asked for
	 */
	Paginator(ForgeHttpClient client, boolean linkAlways) {
		this(client, MAX_PAGES, linkAlways);
	}

	Paginator(ForgeHttpClient client, int maxPages) {
		this(client, maxPages, false);
	}

	private Paginator(ForgeHttpClient client, int maxPages, boolean linkAlways) {
		this.client = client;
		this.maxPages = maxPages;
		this.linkAlways = linkAlways;
	}

	/**
	 * Every item of every page, in order, the first of several items with the same key kept.
	 *
	 * @param page the URL of a page number (1-based), used when the server sends no {@code Link}
	 * @param type the payload record of one item
	 * @param key identifies an item, to drop repeats when pages shift under concurrent changes
	 * @param notFound the error when the first page is a 404 (the list's owner does not exist)
	 */
	<T> List<T> readAll(IntFunction<URI> page, Class<T> type, Function<T, String> key,
			Supplier<ForgeException> notFound) {
		try (PagePrefetch prefetch = new PagePrefetch(client, maxPages)) {
			return readAll(page, type, key, notFound, prefetch);
		}
	}

	private <T> List<T> readAll(IntFunction<URI> page, Class<T> type, Function<T, String> key,
			Supplier<ForgeException> notFound, PagePrefetch prefetch) {
		Map<String, T> items = new LinkedHashMap<>();
		Set<URI> visited = new HashSet<>();
		URI first = page.apply(1);
		URI uri = first;
		int received = 0;
		Optional<String> declaredTotal = Optional.empty();
		for (int number = 1;; number++) {
			if (number > maxPages) {
				throw client.failure(ForgeHttpClient.describe(uri) + ": more than " + maxPages + " pages; giving up");
			}
			visited.add(uri);
			URI current = uri;
			ForgeResponse response = prefetch.take(current).orElseGet(() -> client.get(current));
			if (response.isNotFound() && number == 1) {
				throw notFound.get();
			}
			if (!response.isSuccess()) {
				throw client.statusError(response);
			}
			List<T> pageItems = items(response, type);
			if (number == 1) {
				declaredTotal = response.header("X-Total-Count");
				prefetch.start(response);
			}
			received += pageItems.size();
			int before = items.size();
			pageItems.forEach((item) -> items.putIfAbsent(key.apply(item), item));
			Optional<String> link = response.header("Link");
			URI next;
			if (link.isPresent()) {
				Optional<URI> linked = nextLink(response, link.get());
				if (linked.isEmpty()) {
					break;
				}
				next = checked(uri, linked.get(), visited);
			}
			else if (pageItems.isEmpty() || linkAlways) {
				break;
			}
			else if (items.size() == before) {
				// Without links, a server that ignores the page number would serve page 1 forever.
				throw client.failure(ForgeHttpClient.describe(uri) + ": page " + number
						+ " holds only items already read; the server seems to ignore the page parameter");
			}
			else {
				next = page.apply(number + 1);
			}
			uri = next;
		}
		reportInconsistencies(first, declaredTotal, received, items.size());
		return new ArrayList<>(items.values());
	}

	// Gitea's X-Total-Count also counts repositories the caller cannot see, so fewer items is normal;
	// more items, or items served twice, means the listing shifted or the server is lying.
	private void reportInconsistencies(URI first, Optional<String> declaredTotal, int received, int distinct) {
		String what = ForgeHttpClient.describe(first);
		if (received > distinct) {
			log.warn("{}: {} items were served more than once across pages and counted once", what,
					received - distinct);
		}
		declaredTotal.map(String::strip).filter(t -> t.matches("\\d{1,9}")).map(Integer::parseInt).ifPresent(total -> {
			if (distinct > total) {
				log.warn("{}: X-Total-Count says {} but {} distinct items arrived; the listing is inconsistent, "
						+ "using what arrived", what, total, distinct);
			}
			else if (distinct < total) {
				log.debug("{}: X-Total-Count says {}, {} items visible to this caller", what, total, distinct);
			}
		});
	}

	private <T> List<T> items(ForgeResponse response, Class<T> type) {
		JsonNode array = client.json(response);
		if (!array.isArray()) {
			throw client.failure(ForgeHttpClient.describe(response.uri()) + ": expected a JSON array, got "
					+ array.getNodeType().name().toLowerCase(Locale.ROOT));
		}
		List<T> result = new ArrayList<>();
		for (JsonNode node : array.values()) {
			result.add(client.read(node, type, response.uri()));
		}
		return result;
	}

	private Optional<URI> nextLink(ForgeResponse response, String header) {
		try {
			return LinkHeader.parse(header, response.uri()).rel("next");
		}
		catch (IllegalArgumentException ex) {
			throw client.failure(
					ForgeHttpClient.describe(response.uri()) + ": unreadable Link header (" + ex.getMessage() + ")");
		}
	}

	private URI checked(URI current, URI next, Set<URI> visited) {
		if (!Origin.of(next).equals(client.origin())) {
			// Typically Gitea's ROOT_URL naming another address than the one configured here.
			throw client.failure(ForgeHttpClient.describe(current)
					+ ": the server's Link rel=\"next\" points to another host (" + Origin.of(next) + ", configured "
					+ client.origin() + "); refusing to follow it (is the forge's ROOT_URL not the base URL?)");
		}
		if (visited.contains(next)) {
			throw client.failure(ForgeHttpClient.describe(current) + ": the server's Link rel=\"next\" points back to "
					+ ForgeHttpClient.describe(next) + " (" + next.getRawQuery()
					+ "), a page already read; the listing is inconsistent");
		}
		return next;
	}
}
