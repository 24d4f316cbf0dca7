package ai.molecule.drift.job;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import ai.molecule.drift.forge.ConcurrentReads;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoRef;

/**
 * The organisation's repository listing for one run. The SSOT step starts it beside its own reads
 * (once the policy is valid), and the scan step's reader takes it: its round trips then overlap
 * the SSOT's instead of delaying the first repository. A listing nobody started is read when taken.
 */
class OrgListing {

	private final Forge forge;

	private final String org;

	private CompletableFuture<List<RepoRef>> listing;

	OrgListing(Forge forge, String org) {
		this.forge = forge;
		this.org = org;
	}

	synchronized void start() {
		if (listing == null) {
			listing = ConcurrentReads.start("org-listing", () -> forge.listRepos(org));
		}
	}

	/** The listing, waiting for it; a failure names the organisation. */
	List<RepoRef> repos() {
		start();
		try {
			return ConcurrentReads.join(listing);
		}
		catch (ForgeException ex) {
			throw new ForgeException("listing the repositories of organisation '" + org + "' failed: " + ex.getMessage(),
					ex);
		}
	}
}
