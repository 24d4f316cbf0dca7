package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Reads every page of a forge list. It follows {@code Link: rel="next"} when the server sends a
 * {@code Link} header, and otherwise asks for the next page number until a page comes back empty:
 * Gitea clamps the page size and drops unreadable repositories after paging, so a short page is not
 * the end. Links are followed on the configured origin only ({@link PageLinks}). A {@code next} link
 * back to a page already read, a page that adds no
 * new item yet links on, paging past what {@code X-Total-Count} or {@code rel="last"} announced (plus
 * a small margin), or more than {@link #MAX_PAGES} pages, is a lying server and an error, never an
 * endless loop.
 * <p>
 * Whether the pages add up to a complete listing is {@link ListingCheck}'s call.
 */
final class Paginator {

	static final int MAX_PAGES = 1_000;

	/** Pages allowed past the announced last one: a repository or two created while the list is read. */
	static final int PAGE_MARGIN = 2;

	private final ForgeHttpClient client;

	private final int maxPages;

	private final boolean linkAlways;

	private final PageLinks links;

	/** Gitea: links built from its {@code ROOT_URL}, not on every list; an empty page ends a list without them. */
	Paginator(ForgeHttpClient client) {
		this(client, MAX_PAGES, false);
	}

	/**
	 * @param linkAlways the server always links to the next page and builds its links from the host it
	 *     was asked on (GitHub), so a page without a {@code Link} header is the last one and no empty page
	 *     needs to be asked for; otherwise Gitea (see {@link PageLinks})
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
		this.links = new PageLinks(client, linkAlways ? PageLinks.Style.REQUEST_HOST : PageLinks.Style.PUBLIC_URL);
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
		return new ListingCheck(client).verified(ForgeHttpClient.describe(page.apply(1)),
				() -> pass(page, type, key, notFound));
	}

	private <T> ListingPass<T> pass(IntFunction<URI> page, Class<T> type, Function<T, String> key,
			Supplier<ForgeException> notFound) {
		try (PagePrefetch prefetch = new PagePrefetch(client, maxPages)) {
			return pass(page, type, key, notFound, prefetch);
		}
	}

	private <T> ListingPass<T> pass(IntFunction<URI> page, Class<T> type, Function<T, String> key,
			Supplier<ForgeException> notFound, PagePrefetch prefetch) {
		ListingPass<T> pass = new ListingPass<>();
		Set<URI> visited = new HashSet<>();
		URI uri = page.apply(1);
		for (int number = 1;; number++) {
			checkBounds(uri, number, pass);
			visited.add(uri);
			URI current = uri;
			ForgeResponse response = prefetch.take(current)
				.orElseGet(() -> client.send(ForgeRequest.page(current)));
			if (response.isNotFound() && number == 1) {
				throw notFound.get();
			}
			if (!response.isSuccess()) {
				throw client.statusError(response);
			}
			List<T> pageItems = items(response, type);
			if (number == 1) {
				prefetch.start(response, links.elsewhere(page));
			}
			int added = pass.add(response, pageItems, key);
			Optional<String> link = response.header("Link");
			URI next;
			if (link.isPresent()) {
				Optional<URI> linked = links.next(response, link.get());
				if (linked.isEmpty()) {
					break;
				}
				checkProgress(uri, number, pageItems.size(), added, pass);
				next = links.request(uri, linked.get(), visited, page);
			}
			else if (pageItems.isEmpty() || linkAlways) {
				break;
			}
			else if (added == 0) {
				// Without links, a server that ignores the page number would serve page 1 forever.
				throw client.failure(ForgeHttpClient.describe(uri) + ": page " + number
						+ " holds only items already read; the server seems to ignore the page parameter");
			}
			else {
				next = page.apply(number + 1);
			}
			uri = next;
		}
		return pass;
	}

	private void checkBounds(URI uri, int number, ListingPass<?> pass) {
		if (number > maxPages) {
			throw client.failure(ForgeHttpClient.describe(uri) + ": more than " + maxPages + " pages; giving up");
		}
		OptionalInt last = pass.last();
		if (last.isPresent() && number > last.getAsInt() + PAGE_MARGIN) {
			throw client.failure(ForgeHttpClient.describe(uri) + ": the server announced " + last.getAsInt()
					+ " pages (Link rel=\"last\") but links on past page " + (number - 1) + "; giving up");
		}
		OptionalLong total = pass.total();
		if (total.isPresent() && pass.distinct() > total.getAsLong() + Math.max(10, total.getAsLong() / 10)) {
			throw client.failure(ForgeHttpClient.describe(uri) + ": X-Total-Count says " + total.getAsLong()
					+ " but " + pass.distinct() + " distinct items arrived by page " + (number - 1) + "; giving up");
		}
	}

	// Gitea drops what the caller cannot see after paging, so an empty page before the announced last
	// one is normal; a page whose items were all read already, or an empty page past the end, is not.
	private void checkProgress(URI uri, int number, int size, int added, ListingPass<?> pass) {
		if (added > 0) {
			return;
		}
		if (size > 0) {
			throw client.failure(ForgeHttpClient.describe(uri) + ": page " + number + " adds no new item (all " + size
					+ " were read already) yet links to a next page; the listing is inconsistent");
		}
		if (pass.last().isEmpty() || number >= pass.last().getAsInt()) {
			throw client.failure(ForgeHttpClient.describe(uri) + ": page " + number
					+ " is empty yet links to a next page"
					+ (pass.last().isEmpty() ? ", and no last page was announced" : " past the announced last page")
					+ "; the listing does not end");
		}
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
}
