package ai.molecule.drift.forge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Routes for {@link HostileForge} shaped like a small Gitea organisation: a runtime repository with one
 * release tag, and repositories whose root listing answers as each test chooses (an empty root reads as
 * a clean repository). The org listing answers from {@link #listing}, by default one honest page.
 */
public final class HostileOrg implements Function<String, HostileForge.Answer> {

	private final String org;

	private final String runtime;

	private final Map<String, HostileForge.Answer> roots = new LinkedHashMap<>();

	private volatile Function<String, HostileForge.Answer> listing;

	public HostileOrg(String org, String runtime) {
		this.org = org;
		this.runtime = runtime;
		honest();
	}

	/** Back to one honest page: every repository, counted right, then an empty page 2. */
	public HostileOrg honest() {
		this.listing = (target) -> target.matches(".*[?&]page=1(&.*)?$") ? honestListing() : HostileForge.json("[]",
				"X-Total-Count: " + names().length);
		return this;
	}

	/** Adds a repository whose root listing is {@code root}. */
	public HostileOrg repo(String name, HostileForge.Answer root) {
		roots.put(name, root);
		return this;
	}

	/** Adds a clean repository: an empty root. */
	public HostileOrg clean(String name) {
		return repo(name, HostileForge.json("[]"));
	}

	/** Answers the org listing's pages (the target includes the page number) with {@code listing}. */
	public HostileOrg listing(Function<String, HostileForge.Answer> listing) {
		this.listing = listing;
		return this;
	}

	/** The repositories' names, the runtime's first, as one page would list them. */
	public String[] names() {
		String[] names = new String[roots.size() + 1];
		names[0] = runtime;
		int i = 1;
		for (String name : roots.keySet()) {
			names[i++] = name;
		}
		return names;
	}

	@Override
	public HostileForge.Answer apply(String target) {
		String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
		String repos = "/api/v1/repos/" + org + "/";
		if (path.equals("/api/v1/orgs/" + org + "/repos")) {
			return listing.apply(target);
		}
		if (path.equals(repos + runtime + "/tags")) {
			return HostileForge.json("[{\"name\":\"runtime-v1.0.0\",\"commit\":{\"sha\":\"1\",\"created\":"
					+ "\"2026-06-01T00:00:00Z\"}}]", "X-Total-Count: 1");
		}
		if (path.equals(repos + runtime + "/releases")) {
			return HostileForge.json("[]", "X-Total-Count: 0");
		}
		for (Map.Entry<String, HostileForge.Answer> repo : roots.entrySet()) {
			if (path.equals(repos + repo.getKey() + "/contents")) {
				return repo.getValue();
			}
		}
		return HostileForge.status(404, "{\"message\":\"not found\"}");
	}

	private HostileForge.Answer honestListing() {
		String[] names = names();
		return HostileForge.json(HostileForge.repos(names), "X-Total-Count: " + names.length);
	}
}
