package ai.molecule.drift.forge;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests the pages of a list concurrently once the first page's {@code Link rel="last"} says how
 * many there are: a long org listing then costs a couple of round trips instead of one per page.
 * Gitea pages before it drops what the caller cannot see, so {@code last} is exact. The paginator
 * still walks {@code rel="next"} and checks every link; a page it asks for that was not prefetched
 * (the server's links changed form, or the list grew) is simply requested then.
 */
final class PagePrefetch implements AutoCloseable {

	/** Pages in flight at once: enough to hide the latency, few enough to be polite to the forge. */
	static final int CONCURRENCY = 4;

	/** Pages asked for ahead: a {@code rel="last"} that lies high must not start thousands of requests. */
	static final int MAX_AHEAD = 100;

	private static final Pattern PAGE = Pattern.compile("([?&]page=)(\\d+)");

	private final ForgeHttpClient client;

	private final int maxPages;

	private final Map<URI, CompletableFuture<ForgeResponse>> pages = new ConcurrentHashMap<>();

	private ExecutorService executor;

	PagePrefetch(ForgeHttpClient client, int maxPages) {
		this.client = client;
		this.maxPages = maxPages;
	}

	/**
	 * Starts fetching pages 2..last when the first page names its last one.
	 *
	 * @param elsewhere how pages are addressed when {@code rel="last"} names another origin than the
	 *     configured one (Gitea's {@code ROOT_URL}); empty: such pages are not fetched ahead
	 */
	void start(ForgeResponse first, Optional<IntFunction<URI>> elsewhere) {
		Optional<URI> last = first.header("Link").flatMap(header -> {
			try {
				return LinkHeader.parse(header, first.uri()).rel("last");
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		});
		if (last.isEmpty()) {
			return;
		}
		boolean here = Origin.of(last.get()).equals(client.origin());
		if (!here && elsewhere.isEmpty()) {
			return;
		}
		String template = last.get().toString();
		Matcher page = PAGE.matcher(template);
		if (!page.find() || page.group(2).length() > 6) {
			return;
		}
		int lastPage = Math.min(Integer.parseInt(page.group(2)), Math.min(maxPages, MAX_AHEAD));
		if (lastPage < 3) {
			return;
		}
		// The same URLs as the paginator will ask for: the link's own form here, else the page number on ours.
		IntFunction<URI> numbered = here
				? (number) -> URI.create(template.substring(0, page.start(2)) + number + template.substring(page.end(2)))
				: elsewhere.get();
		executor = Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
			Thread thread = new Thread(runnable, "forge-pages");
			thread.setDaemon(true);
			return thread;
		});
		for (int number = 2; number <= lastPage; number++) {
			URI uri = numbered.apply(number);
			pages.put(uri, CompletableFuture.supplyAsync(() -> client.send(ForgeRequest.page(uri)), executor));
		}
	}

	/** The prefetched answer for this page, waiting for it if need be. */
	Optional<ForgeResponse> take(URI uri) {
		CompletableFuture<ForgeResponse> future = pages.remove(uri);
		if (future == null) {
			return Optional.empty();
		}
		return Optional.of(ConcurrentReads.join(future));
	}

	@Override
	public void close() {
		if (executor != null) {
			pages.values().forEach(future -> future.cancel(true));
			executor.shutdownNow();
		}
	}
}
