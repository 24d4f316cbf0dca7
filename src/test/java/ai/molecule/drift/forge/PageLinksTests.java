package ai.molecule.drift.forge;

import java.net.URI;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link PageLinks}: which request a {@code rel="next"} link becomes, per forge. */
class PageLinksTests {

	private static final URI BASE = URI.create("http://gitea-http.gitea.svc:3000");

	private static final IntFunction<URI> PAGE = (n) -> URI.create(BASE + "/api/v1/orgs/acme/repos?limit=50&page=" + n);

	private final ForgeHttpClient client = new ForgeHttpClient(BASE, TestForges.settings(BASE, TestForges.TOKEN), "token",
			"test", TestForges.mapper(), Sleeper.real());

	@Test
	void aLinkOnTheConfiguredOriginIsFollowedAsItIs() {
		URI next = URI.create(BASE + "/api/v1/orgs/acme/repos?limit=40&page=2");
		for (PageLinks.Style style : PageLinks.Style.values()) {
			assertThat(new PageLinks(client, style).request(PAGE.apply(1), next, Set.of(), PAGE)).isEqualTo(next);
		}
	}

	@Test
	void giteasPublicUrlIsPagedByNumberOnTheConfiguredOrigin() {
		URI next = URI.create("https://git.example.com/sub/api/v1/orgs/acme/repos?limit=50&page=2");
		assertThat(new PageLinks(client, PageLinks.Style.PUBLIC_URL).request(PAGE.apply(1), next, Set.of(), PAGE))
			.isEqualTo(PAGE.apply(2));
		assertThat(new PageLinks(client, PageLinks.Style.PUBLIC_URL).elsewhere(PAGE)).isPresent();
	}

	@Test
	void githubsLinkToAnotherHostIsRefused() {
		URI next = URI.create("https://api.example.com/orgs/acme/repos?page=2");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> new PageLinks(client, PageLinks.Style.REQUEST_HOST).request(PAGE.apply(1), next, Set.of(),
					PAGE))
			.withMessageContaining("points to another host (api.example.com:443, configured gitea-http.gitea.svc:3000)");
		assertThat(new PageLinks(client, PageLinks.Style.REQUEST_HOST).elsewhere(PAGE)).isEmpty();
	}

	@Test
	void aRebasedLinkToAPageAlreadyReadIsAnError() {
		URI next = URI.create("https://git.example.com/api/v1/orgs/acme/repos?limit=50&page=1");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> new PageLinks(client, PageLinks.Style.PUBLIC_URL).request(PAGE.apply(2), next,
					Set.of(PAGE.apply(1), PAGE.apply(2)), PAGE))
			.withMessageContaining("a page already read");
	}
}
