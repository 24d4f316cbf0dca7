package ai.molecule.drift.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;

import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoRef;

/**
 * Reads the repositories to scan: every org repository whose name starts with the prefix, then
 * every enumerated consumer the listing did not include (it need not match the prefix). A failed
 * org listing fails the step: without it nothing can be said about the org.
 */
class OrgRepoReader implements ItemReader<ScanTarget> {

	private static final Logger log = LoggerFactory.getLogger(OrgRepoReader.class);

	private final Forge forge;

	private final OrgListing listing;

	private final String org;

	private final String prefix;

	private final List<String> consumers;

	private Deque<ScanTarget> pending;

	OrgRepoReader(Forge forge, OrgListing listing, String org, String prefix, List<String> consumers) {
		this.forge = forge;
		this.listing = listing;
		this.org = org;
		this.prefix = prefix;
		this.consumers = consumers;
	}

	@Override
	public ScanTarget read() {
		if (pending == null) {
			pending = list();
		}
		return pending.poll();
	}

	private Deque<ScanTarget> list() {
		long started = System.nanoTime();
		Deque<ScanTarget> targets = new ArrayDeque<>();
		Set<String> seen = new LinkedHashSet<>();
		List<RepoRef> repos = listing.repos();
		for (RepoRef repo : repos) {
			if (repo.name().regionMatches(true, 0, prefix, 0, prefix.length())
					&& seen.add(repo.name().toLowerCase(Locale.ROOT))) {
				targets.add(new ScanTarget(repo.name(), repo, null));
			}
		}
		int matching = targets.size();
		for (String consumer : consumers) {
			if (seen.add(consumer.toLowerCase(Locale.ROOT))) {
				targets.add(lookUp(consumer, repos));
			}
		}
		log.info("Org {}: {} repositories listed, {} match '{}', {} more enumerated consumers ({} ms waited)", org,
				repos.size(), matching, prefix, targets.size() - matching, (System.nanoTime() - started) / 1_000_000);
		// A forge that reads many repositories per request (GitHub's GraphQL) does it now; others ignore it.
		forge.readAhead(targets.stream().map(ScanTarget::repo).filter(Objects::nonNull).toList(),
				RepoScanProcessor.PATHS);
		return targets;
	}

	private ScanTarget lookUp(String consumer, List<RepoRef> listed) {
		for (RepoRef repo : listed) {
			if (repo.name().equalsIgnoreCase(consumer)) {
				return new ScanTarget(consumer, repo, null);
			}
		}
		try {
			return new ScanTarget(consumer, forge.findRepo(org, consumer).orElse(null), null);
		}
		catch (RuntimeException ex) {
			return new ScanTarget(consumer, null, ex instanceof ForgeException ? ex.getMessage() : ex.toString());
		}
	}
}
