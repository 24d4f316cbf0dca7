package ai.molecule.drift.forge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ways a {@link FakeGitHub}'s GraphQL endpoint answers a file batch in part, as GitHub does when a
 * query times out or is too large: some repositories null (or absent) in {@code data} beside an error
 * without a {@code path}, or no {@code data} at all when a query asks for more repositories than allowed.
 * It also records which repositories each file batch asked for.
 */
final class FakeGitHubGraphQlFaults {

	/** GitHub's sentence for a query that failed while executing (a timeout, or its own bug). */
	static final String SOMETHING_WENT_WRONG = "Something went wrong while executing your query. This may be the "
			+ "result of a timeout, or it could be a GitHub bug. Please include `C0DE:1234:5678` when reporting this "
			+ "issue.";

	/** One repository left out of the next {@code remaining} batches that ask for it. */
	record Drop(String key, AtomicInteger remaining, boolean absent) {
	}

	private final List<Drop> drops = new CopyOnWriteArrayList<>();

	private final List<List<String>> batches = new CopyOnWriteArrayList<>();

	private volatile int maxRepos;

	void asked(List<String> names) {
		batches.add(List.copyOf(names));
	}

	List<List<String>> batches() {
		return List.copyOf(batches);
	}

	void drop(String owner, String name, int times, boolean absent) {
		drops.add(new Drop(FakeGiteaState.key(owner + "/" + name), new AtomicInteger(times), absent));
	}

	void maxRepos(int repos) {
		this.maxRepos = repos;
	}

	void clear() {
		drops.clear();
		batches.clear();
		maxRepos = 0;
	}

	/** The drop for this repository if it still applies, claiming one use. */
	Drop claim(String owner, String name) {
		String key = FakeGiteaState.key(owner + "/" + name);
		for (Drop drop : drops) {
			if (drop.key().equals(key) && drop.remaining().getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return drop;
			}
		}
		return null;
	}

	/** The whole answer when a file batch of {@code repos} repositories is too large, else {@code null}. */
	Map<String, Object> tooLarge(int repos) {
		if (maxRepos <= 0 || repos <= maxRepos) {
			return null;
		}
		return Map.of("errors", List.of(Map.of("type", "MAX_NODE_LIMIT_EXCEEDED", "message", "This query requests up to "
				+ repos * 1000 + " nodes which exceeds the maximum limit of " + maxRepos * 1000 + ".")));
	}

	/** The error without a {@code path} that goes with dropped repositories. */
	static Map<String, Object> somethingWentWrong() {
		return Map.of("message", SOMETHING_WENT_WRONG);
	}
}
