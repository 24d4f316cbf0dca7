package ai.molecule.drift.forge;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a listing is complete. A pass whose pages shifted (items served again on a later page,
 * {@code X-Total-Count} or {@code rel="last"} changing between pages, more items than announced, fewer
 * pages than announced), or that holds fewer items than {@code X-Total-Count}, is listed once more. A
 * second pass that is consistent and complete is used; one that shifted again, or that is short and
 * differs from the first, is an error: a repository missed that way would otherwise pass unseen.
 * A pass whose distinct items match a steady {@code X-Total-Count} is complete however its pages overlapped.
 */
final class ListingCheck {

	private static final Logger log = LoggerFactory.getLogger(ListingCheck.class);

	private final ForgeHttpClient client;

	ListingCheck(ForgeHttpClient client) {
		this.client = client;
	}

	/** The items of a complete listing; {@code pass} reads all pages once each time it is called. */
	<T> List<T> verified(String what, Supplier<ListingPass<T>> pass) {
		ListingPass<T> first = pass.get();
		List<String> shifts = first.shifts();
		if (first.confirmed() || (shifts.isEmpty() && !first.shortfall())) {
			if (first.repeated() > 0) {
				log.warn("{}: {} items were served again on a later page and counted once; X-Total-Count confirms "
						+ "the {} distinct ones", what, first.repeated(), first.distinct());
			}
			return first.items();
		}
		log.info("{}: {}; listing again to check it is complete", what,
				shifts.isEmpty() ? first.summary() + ", fewer than announced" : String.join("; ", shifts));
		ListingPass<T> second = pass.get();
		List<String> again = second.shifts();
		if (second.confirmed()) {
			return second.items();
		}
		if (!again.isEmpty()) {
			throw client.failure(what + ": the listing did not settle, so it may be incomplete: "
					+ String.join("; ", shifts.isEmpty() ? List.of(first.summary()) : shifts) + "; listed again: "
					+ String.join("; ", again));
		}
		if (!second.shortfall()) {
			return second.items();
		}
		if (shifts.isEmpty() && second.keys().equals(first.keys()) && second.total().equals(first.total())) {
			// Gitea's X-Total-Count also counts repositories the caller cannot see: a stable shortfall is theirs.
			log.info("{}: {} visible to this caller, the same in two listings", what, second.summary());
			return second.items();
		}
		throw client.failure(what + ": two listings disagree, so either may be incomplete: " + first.summary()
				+ (shifts.isEmpty() ? "" : " (" + String.join("; ", shifts) + ")") + ", then " + second.summary()
				+ difference(first.keys(), second.keys()));
	}

	private static String difference(Set<String> first, Set<String> second) {
		List<String> lost = first.stream().filter((k) -> !second.contains(k)).limit(5).toList();
		List<String> gained = second.stream().filter((k) -> !first.contains(k)).limit(5).toList();
		return (lost.isEmpty() ? "" : "; only in the first: " + String.join(", ", lost))
				+ (gained.isEmpty() ? "" : "; only in the second: " + String.join(", ", gained));
	}
}
