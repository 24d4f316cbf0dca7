package ai.molecule.drift.forge;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link ForgeUrls}: base URL forms and percent-encoding. */
class ForgeUrlsTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://git.example.com", "https://git.example.com/", "https://git.example.com/api/v1",
			"https://git.example.com/api/v1/", "https://user:pw@git.example.com//" })
	void acceptsTheServerRootWithOrWithoutApiV1(String baseUrl) {
		assertThat(ForgeUrls.gitea(URI.create(baseUrl)).api("version").build())
			.isEqualTo(URI.create("https://git.example.com/api/v1/version"));
	}

	@Test
	void keepsASubPathAndAPort() {
		assertThat(ForgeUrls.gitea(URI.create("http://127.0.0.1:3000/git/api/v1")).api("version").build())
			.isEqualTo(URI.create("http://127.0.0.1:3000/git/api/v1/version"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "git.example.com", "ftp://git.example.com", "https://git.example.com/?x=1" })
	void rejectsWhatIsNotAServerRoot(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> ForgeUrls.gitea(URI.create(baseUrl)));
	}

	@Test
	void encodesSegmentsFilePathsAndQueryValues() {
		URI uri = ForgeUrls.gitea(URI.create("https://git.example.com"))
			.api("repos", "ac me", "a+b/c")
			.segment("contents")
			.filePath("/docs//a b ü.md")
			.query("ref", "feature/x y")
			.query("skipped", null)
			.query("body", "{\"files\":[\"a&b\"]}")
			.build();
		assertThat(uri.getRawPath()).isEqualTo("/api/v1/repos/ac%20me/a%2Bb%2Fc/contents/docs/a%20b%20%C3%BC.md");
		assertThat(uri.getRawQuery()).isEqualTo("ref=feature%2Fx%20y&body=%7B%22files%22%3A%5B%22a%26b%22%5D%7D");
	}

	@Test
	void rejectsDotSegments() {
		ForgeUrls urls = ForgeUrls.gitea(URI.create("https://git.example.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> urls.api("repos", "acme", ".."));
		assertThatIllegalArgumentException().isThrownBy(() -> urls.api("repos").filePath("a/../b"));
	}

	@ParameterizedTest
	@CsvSource({ ",https://api.github.com/orgs,https://api.github.com/graphql",
			"https://api.github.com/,https://api.github.com/orgs,https://api.github.com/graphql",
			"https://ghe.example.com,https://ghe.example.com/api/v3/orgs,https://ghe.example.com/api/graphql",
			"https://ghe.example.com/api/v3/,https://ghe.example.com/api/v3/orgs,https://ghe.example.com/api/graphql" })
	void findsGitHubsRestAndGraphQlEndpoints(String baseUrl, String rest, String graphql) {
		URI base = (baseUrl == null) ? null : URI.create(baseUrl);
		assertThat(ForgeUrls.github(base).api("orgs").build()).isEqualTo(URI.create(rest));
		assertThat(ForgeUrls.githubGraphql(base)).isEqualTo(URI.create(graphql));
	}
}
