package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * What one pass over a list's pages saw: the distinct items, and what the server announced on each
 * page ({@code X-Total-Count}, the page number of {@code Link rel="last"}). From it the paginator tells
 * a complete listing from one whose pages shifted while they were read: a repository deleted between
 * two pages moves another onto a page already read, where it is never seen.
 */
final class ListingPass<T> {

	private final Map<String, T> items = new LinkedHashMap<>();

	private final Set<Long> totals = new LinkedHashSet<>();

	private final Set<Integer> lasts = new LinkedHashSet<>();

	private int repeated;

	private int pages;

	/** Records what a page announced and adds its items; how many of them are new. */
	int add(ForgeResponse response, List<T> pageItems, Function<T, String> key) {
		pages++;
		response.header("X-Total-Count").map(String::strip).filter((t) -> t.matches("\\d{1,12}"))
			.ifPresent((t) -> totals.add(Long.parseLong(t)));
		lastPage(response).ifPresent(lasts::add);
		int before = items.size();
		Map<String, T> page = new LinkedHashMap<>();
		pageItems.forEach((item) -> page.putIfAbsent(key.apply(item), item));
		// Only repeats across pages say the pages shifted; a repeat within one page is the server's own.
		page.forEach((k, item) -> {
			if (items.putIfAbsent(k, item) != null) {
				repeated++;
			}
		});
		return items.size() - before;
	}

	/** The {@code X-Total-Count} of the first page that sent one. */
	OptionalLong total() {
		return totals.stream().mapToLong(Long::longValue).findFirst();
	}

	/** The page number of {@code rel="last"} on the first page that sent one. */
	OptionalInt last() {
		return lasts.stream().mapToInt(Integer::intValue).findFirst();
	}

	int distinct() {
		return items.size();
	}

	List<T> items() {
		return new ArrayList<>(items.values());
	}

	Set<String> keys() {
		return items.keySet();
	}

	/** Signs that the pages shifted or the server contradicts itself; empty when the pass is consistent. */
	List<String> shifts() {
		List<String> shifts = new ArrayList<>();
		if (repeated > 0) {
			shifts.add(repeated + " items were served again on a later page");
		}
		if (totals.size() > 1) {
			shifts.add("X-Total-Count changed between pages (" + join(totals) + ")");
		}
		if (lasts.size() > 1) {
			shifts.add("the last page announced by Link rel=\"last\" changed between pages (" + join(lasts) + ")");
		}
		total().ifPresent((total) -> {
			if (items.size() > total) {
				shifts.add("X-Total-Count says " + total + " but " + items.size() + " distinct items arrived");
			}
		});
		last().ifPresent((last) -> {
			if (pages < last) {
				shifts.add("the pages ended at page " + pages + ", before the last page " + last
						+ " announced by Link rel=\"last\"");
			}
		});
		return shifts;
	}

	/**
	 * Whether the server's own count vouches for the pass: one {@code X-Total-Count} on every page, one
	 * last page, and exactly that many distinct items. Items served again on a later page then cost nothing.
	 */
	boolean confirmed() {
		return totals.size() == 1 && lasts.size() <= 1 && items.size() == total().getAsLong();
	}

	/** Items that arrived again on a later page, counted once. */
	int repeated() {
		return repeated;
	}

	/** Fewer items than {@code X-Total-Count}: normal on Gitea when the caller cannot see them all, or a lost item. */
	boolean shortfall() {
		return total().isPresent() && items.size() < total().getAsLong();
	}

	/** For messages: what the pass saw. */
	String summary() {
		return items.size() + " items" + (total().isPresent() ? " (X-Total-Count " + total().getAsLong() + ")" : "")
				+ " on " + pages + ((pages == 1) ? " page" : " pages");
	}

	/** The page number in a response's {@code Link rel="last"}, whatever origin the link names. */
	static OptionalInt lastPage(ForgeResponse response) {
		Optional<URI> last = response.header("Link").flatMap((header) -> {
			try {
				return LinkHeader.parse(header, response.uri()).rel("last");
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		});
		return last.isPresent() ? LinkHeader.pageNumber(last.get()) : OptionalInt.empty();
	}

	private static String join(Set<?> values) {
		return values.stream().map(String::valueOf).reduce((a, b) -> a + ", then " + b).orElse("");
	}
}
