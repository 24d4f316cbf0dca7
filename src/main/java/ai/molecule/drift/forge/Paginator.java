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

import tools.jackson.databind.JsonNode;

/**
 * Reads every page of a forge list. It follows {@code Link: rel="next"} when the server sends a
 * {@code Link} header, and otherwise asks for the next page number until a page comes back empty:
 * Gitea clamps the page size and drops unreadable repositories after paging, so a short page is not
 * the end. A {@code next} link to another host or back to a page already read, or more than
 * {@link #MAX_PAGES} pages, is a lying server and an error, never an endless loop.
 */
final class Paginator {

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
		Map<String, T> items = new LinkedHashMap<>();
		Set<URI> visited = new HashSet<>();
		URI uri = page.apply(1);
		for (int number = 1;; number++) {
			if (number > maxPages) {
				throw client.failure(ForgeHttpClient.describe(uri) + ": more than " + maxPages + " pages; giving up");
			}
			visited.add(uri);
			ForgeResponse response = client.get(uri);
			if (response.isNotFound() && number == 1) {
				throw notFound.get();
			}
			if (!response.isSuccess()) {
				throw client.statusError(response);
			}
			List<T> pageItems = items(response, type);
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
		return new ArrayList<>(items.values());
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
