package ai.molecule.drift.forge;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link LinkHeader#parse}. */
class LinkHeaderTests {

	private static final URI BASE = URI.create("https://git.example.com/api/v1/orgs/acme/repos?page=1");

	@Test
	void readsGiteasHeader() {
		String repos = "https://git.example.com/api/v1/orgs/acme/repos?limit=50";
		String header = "<" + repos + "&page=2>; rel=\"next\",<" + repos + "&page=3>; rel=\"last\"";
		LinkHeader links = LinkHeader.parse(header, BASE);
		assertThat(links.rel("next")).contains(URI.create(repos + "&page=2"));
		assertThat(links.rel("last")).contains(URI.create(repos + "&page=3"));
		assertThat(links.rel("prev")).isEmpty();
	}

	@Test
	void readsSeveralRelationsUnquotedValuesAndRelativeTargets() {
		String header = "</api/v1/x?page=2>; title=\"a, b\"; REL=\"next last\" , <?page=1>;rel=first";
		LinkHeader links = LinkHeader.parse(header, BASE);
		assertThat(links.rel("next")).contains(URI.create("https://git.example.com/api/v1/x?page=2"));
		assertThat(links.rel("last")).contains(URI.create("https://git.example.com/api/v1/x?page=2"));
		assertThat(links.rel("first")).contains(URI.create("https://git.example.com/api/v1/orgs/acme/repos?page=1"));
	}

	@Test
	void anEmptyOrMissingHeaderHasNoLinks() {
		assertThat(LinkHeader.parse(null, BASE).links()).isEmpty();
		assertThat(LinkHeader.parse("", BASE).links()).isEmpty();
	}

	@Test
	void aTargetThatIsNotAUrlIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> LinkHeader.parse("<http://a b/>; rel=\"next\"", BASE));
		assertThatIllegalArgumentException().isThrownBy(() -> LinkHeader.parse("<http://a/; rel=\"next\"", BASE));
	}
}
