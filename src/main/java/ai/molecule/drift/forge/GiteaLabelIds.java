package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gitea's label ids by name for the pull requests of one run: a repository's own labels, then its
 * organisation's, each list read once. A label that does not exist is left off with a warning: the tool
 * never creates labels in other people's repositories.
 */
final class GiteaLabelIds {

	private static final Logger log = LoggerFactory.getLogger(GiteaLabelIds.class);

	private static final int PAGE_LIMIT = 50;

	private final ForgeUrls urls;

	private final Paginator paginator;

	private final Map<String, Map<String, Long>> byRepo = new HashMap<>();

	private final Map<String, Map<String, Long>> byOrg = new HashMap<>();

	GiteaLabelIds(ForgeUrls urls, Paginator paginator) {
		this.urls = urls;
		this.paginator = paginator;
	}

	/** The ids of {@code names} in the repository or its organisation, in their order. */
	synchronized List<Long> ids(RepoRef repo, List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, Long> own = byRepo.computeIfAbsent(repo.fullName().toLowerCase(Locale.ROOT),
				(key) -> read(() -> urls.api("repos", repo.owner(), repo.name(), "labels"), false));
		Map<String, Long> org = byOrg.computeIfAbsent(repo.owner().toLowerCase(Locale.ROOT),
				(key) -> read(() -> urls.api("orgs", repo.owner(), "labels"), true));
		List<Long> ids = new ArrayList<>();
		for (String name : names) {
			String key = name.toLowerCase(Locale.ROOT);
			Long id = own.containsKey(key) ? own.get(key) : org.get(key);
			if (id == null) {
				log.warn("Label {} does not exist in {} nor in its organisation; the bump proposal goes without it",
						name, repo.fullName());
			}
			else {
				ids.add(id);
			}
		}
		return ids;
	}

	private Map<String, Long> read(Supplier<ForgeUrls.Builder> list, boolean mayBeMissing) {
		Map<String, Long> ids = new LinkedHashMap<>();
		try {
			paginator
				.readAll((page) -> list.get().query("limit", PAGE_LIMIT).query("page", page).build(),
						IssuePayloads.Label.class, IssuePayloads.Label::name, Missing::new)
				.forEach((label) -> ids.putIfAbsent(label.name().toLowerCase(Locale.ROOT), label.id()));
		}
		catch (Missing ex) {
			if (!mayBeMissing) {
				throw new ForgeException("the repository's labels cannot be read (HTTP 404)");
			}
			// A user's repository: no organisation labels.
		}
		return ids;
	}

	/** The list is not there. */
	private static final class Missing extends ForgeException {

		Missing() {
			super("not found");
		}
	}
}
