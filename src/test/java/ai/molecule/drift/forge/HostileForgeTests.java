package ai.molecule.drift.forge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import ai.molecule.drift.DriftProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Gitea client against a forge that lies, stalls or floods: every such answer ends in an error
 * naming what did not add up, quickly, never in a listing that silently misses a repository.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileForgeTests {

	private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");

	private static final String REPOS = "/orgs/acme/repos";

	private HostileForge server;

	@AfterEach
	void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void pagesThatShiftInBothListingsAreAnError() throws Exception {
		// b is deleted after page 1 is read: c moves onto page 1 and is never seen, and the count drops.
		serve((page) -> (page == 1) ? next(1, 4, 2, "a", "b") : end(2, 3, 2, "d"));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("did not settle")
			.withMessageContaining("X-Total-Count changed between pages (4, then 3)");
		assertThat(server.requests(REPOS)).hasSize(4);
	}

	@Test
	void pagesThatShiftOnceAreListedAgainAndTheSettledListingIsUsed() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		serve((page) -> (calls.incrementAndGet() <= 2)
				? ((page == 1) ? next(1, 4, 2, "a", "b") : end(2, 3, 2, "d"))
				: ((page == 1) ? next(1, 3, 2, "a", "c") : end(2, 3, 2, "d")));

		assertThat(forge().listRepos("acme")).extracting(RepoRef::name).containsExactly("a", "c", "d");
	}

	@Test
	void itemsServedTwiceInBothListingsWithoutACountAreAnError() throws Exception {
		serve((page) -> (page == 1) ? next(1, null, 2, "a", "b") : end(2, null, 2, "b", "c"));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("did not settle")
			.withMessageContaining("1 items were served again on a later page");
		assertThat(server.requests(REPOS)).hasSize(4);
	}

	@Test
	void itemsServedTwiceAreCountedOnceWhenXTotalCountConfirmsTheRest(CapturedOutput output) throws Exception {
		serve((page) -> (page == 1) ? next(1, 3, 2, "a", "b") : end(2, 3, 2, "b", "c"));

		assertThat(forge().listRepos("acme")).extracting(RepoRef::name).containsExactly("a", "b", "c");
		assertThat(server.requests(REPOS)).hasSize(2);
		assertThat(output.getAll()).contains("1 items were served again on a later page and counted once");
	}

	@Test
	void aNextLinkThatNeverEndsIsStoppedByTheAnnouncedTotal() throws Exception {
		serve((page) -> next(page, 3, null, "r" + page));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("X-Total-Count says 3 but 14 distinct items arrived");
		assertThat(server.requests(REPOS)).hasSize(14);
	}

	@Test
	void aNextLinkThatNeverEndsIsStoppedByTheAnnouncedLastPage() throws Exception {
		serve((page) -> next(page, null, 2, "r" + page));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("announced 2 pages (Link rel=\"last\") but links on past page 4");
	}

	@Test
	void aNextLinkThatNeverEndsWithNothingAnnouncedIsStoppedAtThePageCeiling() throws Exception {
		serve((page) -> next(page, null, null, "r" + page));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("more than " + Paginator.MAX_PAGES + " pages");
	}

	@Test
	void aPageOfItemsAlreadyReadThatLinksOnIsAnError() throws Exception {
		serve((page) -> next(page, 2, null, "a", "b"));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("page 2 adds no new item (all 2 were read already)");
		assertThat(server.requests(REPOS)).hasSize(2);
	}

	@Test
	void emptyPagesThatLinkOnPastTheEndAreAnError() throws Exception {
		serve((page) -> (page == 1) ? next(1, 1, 1, "a") : next(page, 1, 1));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("is empty yet links to a next page past the announced last page");
	}

	@Test
	void anEmptyPageBeforeTheAnnouncedLastIsGiteaDroppingHiddenRepositories() throws Exception {
		serve((page) -> switch (page) {
			case 1 -> next(1, 3, 3, "a");
			case 2 -> next(2, 3, 3);
			default -> end(3, 3, 3, "c");
		});

		assertThat(forge().listRepos("acme")).extracting(RepoRef::name).containsExactly("a", "c");
		// Fewer than X-Total-Count: listed twice, and both listings agree.
		assertThat(server.requests(REPOS)).hasSize(6);
	}

	@Test
	void anXTotalCountTooLowIsAnError() throws Exception {
		serve((page) -> end(1, 1, null, "a", "b", "c"));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("X-Total-Count says 1 but 3 distinct items arrived");
		assertThat(server.requests(REPOS)).hasSize(2);
	}

	@Test
	void anXTotalCountTooHighWhoseListingsDisagreeIsAnError() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		serve((page) -> (calls.incrementAndGet() == 1) ? end(1, 10, null, "a", "b") : end(1, 10, null, "a"));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("two listings disagree")
			.withMessageContaining("only in the first: b");
	}

	@Test
	void anXTotalCountTooHighThatStaysTheSameIsRepositoriesTheTokenCannotSee() throws Exception {
		serve((page) -> end(1, 10, null, "a", "b"));

		assertThat(forge().listRepos("acme")).extracting(RepoRef::name).containsExactly("a", "b");
		assertThat(server.requests(REPOS)).hasSize(2);
	}

	@Test
	void aRelLastTooHighIsAnErrorWhenThePagesEndEarlyTwice() throws Exception {
		serve((page) -> (page == 1) ? next(1, null, 5, "a") : end(2, null, null, "b"));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("the pages ended at page 2, before the last page 5");
	}

	@Test
	void aRelLastTooLowIsAnErrorWhenTheLinksGoOn() throws Exception {
		serve((page) -> next(page, null, 1, "r" + page));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("announced 1 pages");
	}

	@Test
	void aGzipBombIsCutAtTheLimitCountingInflatedBytes() throws Exception {
		server = HostileForge.start((target) -> HostileForge.gzipBomb(512L << 20));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().readFile("acme", "app", "Dockerfile"))
			.withMessageContaining("larger than 65536 bytes")
			.withMessageContaining("drift.forge.max-body-size.file");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("drift.forge.max-body-size.page");
	}

	@Test
	void anOversizePlainBodyIsRefusedByItsLengthOrWhileRead() throws Exception {
		server = HostileForge.start((target) -> target.contains("/contents/") ? HostileForge.json(" ".repeat(100_000))
				: HostileForge.endlessChunked());

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().readFile("acme", "app", "Dockerfile"))
			.withMessageContaining("(100000 declared)");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("drift.forge.max-body-size.page");
	}

	@Test
	void aHugeJsonArrayWithinTheSizeLimitIsRefusedBeforeItBecomesATree() throws Exception {
		server = HostileForge.start((target) -> HostileForge.hugeArray(200_000));
		DriftProperties.BodyLimits roomy = new DriftProperties.BodyLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1),
				DataSize.ofMegabytes(1));

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge(roomy).listRepos("acme"))
			.withMessageContaining("more than " + ForgeHttpClient.MAX_JSON_TOKENS + " JSON values");
	}

	@Test
	void aTricklingBodyTimesOutAtTheRequestDeadline(CapturedOutput output) throws Exception {
		server = HostileForge.start((target) -> HostileForge.trickleBody(1000, Duration.ofMillis(100)));
		long start = System.nanoTime();

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().readFile("acme", "app", "Dockerfile"))
			.withMessageContaining("GET /api/v1/repos/acme/app/contents/Dockerfile: timed out")
			.withMessageContaining("drift.forge.request-deadline")
			.withMessageNotContaining(TestForges.TOKEN);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(output.getAll()).contains("/contents/Dockerfile: no complete answer within 1000 ms")
			.doesNotContain(TestForges.TOKEN);
		assertThat(server.requests("/contents/")).hasSize(1);
	}

	@Test
	void tricklingHeadersTimeOutAtTheRequestDeadline() throws Exception {
		server = HostileForge.start((target) -> HostileForge.trickleHeaders(Duration.ofMillis(100)));
		long start = System.nanoTime();

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge().listRepos("acme"))
			.withMessageContaining("GET /api/v1/orgs/acme/repos: timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	private void serve(Function<Integer, HostileForge.Answer> pages) throws Exception {
		server = HostileForge.start((target) -> {
			Matcher page = PAGE.matcher(target);
			return target.contains(REPOS) ? pages.apply(page.find() ? Integer.parseInt(page.group(1)) : 1)
					: HostileForge.status(404, "{}");
		});
	}

	/** An org listing page that links to the next one, with the count and last page when given. */
	private HostileForge.Answer next(int number, Integer total, Integer last, String... names) {
		return page(number + 1, total, last, names);
	}

	/** The last page of an org listing: no {@code next} link. */
	private HostileForge.Answer end(int number, Integer total, Integer last, String... names) {
		return page(null, total, last, names);
	}

	private HostileForge.Answer page(Integer next, Integer total, Integer last, String... names) {
		String base = server.baseUrl() + "/api/v1" + REPOS + "?limit=50&page=";
		List<String> links = new ArrayList<>();
		if (next != null) {
			links.add("<" + base + next + ">; rel=\"next\"");
		}
		if (last != null) {
			links.add("<" + base + last + ">; rel=\"last\"");
		}
		// A Link header always, so that its lack of a next link ends the listing.
		links.add("<" + base + "1>; rel=\"first\"");
		List<String> headers = new ArrayList<>(List.of("Link: " + String.join(", ", links)));
		if (total != null) {
			headers.add("X-Total-Count: " + total);
		}
		return HostileForge.json(HostileForge.repos(names), headers.toArray(String[]::new));
	}

	private GiteaForge forge() {
		return forge(new DriftProperties.BodyLimits(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64),
				DataSize.ofKilobytes(64)));
	}

	private GiteaForge forge(DriftProperties.BodyLimits limits) {
		return new GiteaForge(TestForges.settings(server.baseUrl(), TestForges.TOKEN, 1, Duration.ofSeconds(5),
				Duration.ofSeconds(1), limits), TestForges.mapper(), new TestForges.RecordingSleeper());
	}
}
