package ai.molecule.drift.forge;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GitHubForge}'s file reads where GitHub's documented answers are odd: submodules listed as files,
 * symbolic links followed by REST but not by GraphQL, files over 1 MB. REST (no token) and GraphQL (a
 * token) must give the same answer.
 */
class GitHubFilesTests {

	private static final String JSON = "application/vnd.github+json";

	private static final String RAW = "application/vnd.github.raw+json";

	/** Between GitHub's 1 MB for inline content and the 2 MB default of drift.forge.max-body-size.file. */
	private static final byte[] LARGE = "FROM x\n".repeat(200_000).getBytes(StandardCharsets.US_ASCII);

	private static final Set<String> PATHS = Set.of(".runtime-version", "Dockerfile", "requirements.txt", "workspace",
			"molecule_runtime");

	private final FakeGitHub github = FakeGitHub.start().requireToken(TestForges.TOKEN);

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void aRuntimeVendoredAsASubmoduleIsASubmoduleThroughRestAsThroughGraphQl() {
		github.repo("acme", "app").file(".runtime-version", "0.3.11\n").submodule("workspace")
			.submodule("molecule_runtime");

		RepoFiles rest = rest().readFiles(ref("app"), PATHS);
		RepoFiles graphql = graphql().readFiles(ref("app"), PATHS);

		// GitHub lists a submodule as a "file" without a download_url; read alone it is a "submodule".
		assertThat(rest.topLevel()).containsExactlyInAnyOrder(new TreeEntry(".runtime-version", TreeEntry.Type.FILE),
				new TreeEntry("workspace", TreeEntry.Type.SUBMODULE),
				new TreeEntry("molecule_runtime", TreeEntry.Type.SUBMODULE));
		assertThat(graphql.topLevel()).containsExactlyInAnyOrderElementsOf(rest.topLevel());
		assertThat(graphql.files()).isEqualTo(rest.files());
		assertThat(rest.files()).containsOnlyKeys(".runtime-version");
	}

	@Test
	void theFakeAnswersAFileOverOneMegabyteAsGitHubDocumentsIt() throws Exception {
		github.repo("acme", "app").file("Dockerfile", LARGE);
		HttpRequest request = HttpRequest.newBuilder(github.baseUrl().resolve("/api/v3/repos/acme/app/contents/Dockerfile"))
			.header("User-Agent", "test")
			.build();
		JsonNode json = TestForges.mapper()
			.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
		assertThat(json.path("encoding").asString()).isEqualTo("none");
		assertThat(json.path("content").asString()).isEmpty();
		assertThat(json.path("size").asLong()).isEqualTo(LARGE.length);
	}

	@Test
	void filesBetweenOneAndAHundredMegabytesAreReadRawOnEveryPath() {
		github.repo("acme", "app").file(".runtime-version", "0.3.11\n").file("Dockerfile", LARGE);
		github.repo("acme", "runtime").file("pyproject.toml", LARGE);

		assertThat(rest().readFiles(ref("app"), PATHS).files().get("Dockerfile")).isEqualTo(new String(LARGE));
		assertThat(graphql().readFiles(ref("app"), PATHS).files().get("Dockerfile")).isEqualTo(new String(LARGE));
		assertThat(rest().readFile("acme", "runtime", "pyproject.toml")).contains(new String(LARGE));
		assertThat(graphql().readFile("acme", "runtime", "pyproject.toml")).contains(new String(LARGE));

		// Each read: the JSON answer without content, then the raw media type.
		assertThat(github.requests("GET .*/contents/(Dockerfile|pyproject.toml)")).hasSize(8)
			.extracting((request) -> request.header("Accept"))
			.containsExactly(JSON, RAW, JSON, RAW, JSON, RAW, JSON, RAW);
	}

	@Test
	void aPinLargerThanTheFileBodyLimitIsUnknownNotEmpty() {
		byte[] huge = "x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
		github.repo("acme", "app").file(".runtime-version", huge);
		github.repo("acme", "runtime").file("pyproject.toml", huge);

		for (GitHubForge forge : List.of(rest(), graphql())) {
			assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(ref("app"), PATHS))
				.withMessageContaining("drift.forge.max-body-size.file");
			assertThatExceptionOfType(ForgeException.class)
				.isThrownBy(() -> forge.readFile("acme", "runtime", "pyproject.toml"))
				.withMessageContaining("drift.forge.max-body-size.file");
		}
	}

	private GitHubForge rest() {
		return TestForges.github(github, null, sleeper);
	}

	private GitHubForge graphql() {
		return TestForges.github(github, TestForges.TOKEN, sleeper);
	}

	private static RepoRef ref(String name) {
		return new RepoRef("acme", name, "main", false, false, false);
	}
}
