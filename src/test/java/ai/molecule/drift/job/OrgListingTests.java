package ai.molecule.drift.job;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.lag.ReleaseTag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrgListingTests {

	private static final RepoRef REPO = new RepoRef("acme", "template-a", "main", false, false, false);

	@Test
	void startReturnsAtOnceAndTheListingIsReadOnceOnAnotherThread() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		ListingForge forge = new ListingForge(() -> {
			await(release);
			return List.of(REPO);
		});
		OrgListing listing = new OrgListing(forge, "acme");
		listing.start();
		listing.start();
		assertThat(forge.started.await(5, TimeUnit.SECONDS)).as("listing under way").isTrue();
		assertThat(forge.listingThread).isNotEqualTo(Thread.currentThread().getName());
		release.countDown();
		assertThat(listing.repos()).containsExactly(REPO);
		assertThat(listing.repos()).containsExactly(REPO);
		assertThat(forge.calls).hasValue(1);
	}

	@Test
	void aListingNobodyStartedIsReadWhenTaken() {
		ListingForge forge = new ListingForge(() -> List.of(REPO));
		assertThat(new OrgListing(forge, "acme").repos()).containsExactly(REPO);
		assertThat(forge.calls).hasValue(1);
	}

	@Test
	void aFailedListingNamesTheOrganisationWhenTaken() {
		ListingForge forge = new ListingForge(() -> {
			throw new ForgeException("GET /api/v1/orgs/acme/repos: HTTP 503 after 4 attempts");
		});
		OrgListing listing = new OrgListing(forge, "acme");
		listing.start();
		assertThatExceptionOfType(ForgeException.class).isThrownBy(listing::repos)
			.withMessage("listing the repositories of organisation 'acme' failed: "
					+ "GET /api/v1/orgs/acme/repos: HTTP 503 after 4 attempts");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A forge that only lists, the way {@code listing} says, and counts it. */
	private static final class ListingForge implements Forge {

		@Override
		public java.util.Map<String, ai.molecule.drift.forge.FileBytes> readBlobs(RepoRef repo, List<String> paths) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ai.molecule.drift.forge.FileBytes readBlob(String org, String repo, String ref, String path) {
			throw new UnsupportedOperationException();
		}

		private final Supplier<List<RepoRef>> listing;

		private final AtomicInteger calls = new AtomicInteger();

		private final CountDownLatch started = new CountDownLatch(1);

		private volatile String listingThread;

		ListingForge(Supplier<List<RepoRef>> listing) {
			this.listing = listing;
		}

		@Override
		public List<RepoRef> listRepos(String org) {
			calls.incrementAndGet();
			listingThread = Thread.currentThread().getName();
			started.countDown();
			return listing.get();
		}

		@Override
		public Optional<RepoRef> findRepo(String org, String name) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RepoFiles readFiles(RepoRef repo, Set<String> paths) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<ReleaseTag> listReleaseTags(String org, String repo) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<String> readFile(String org, String repo, String path) {
			throw new UnsupportedOperationException();
		}
	}
}
