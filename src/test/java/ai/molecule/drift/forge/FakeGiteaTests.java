package ai.molecule.drift.forge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake itself answers like Gitea, so that tests built on it mean something. */
class FakeGiteaTests {

	private final FakeGitea gitea = FakeGitea.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void clampsTheLimitCountsEveryRepoAndLinksAbsolutely() throws Exception {
		IntStream.range(0, 120).forEach((i) -> gitea.repo("acme", "r" + i));
		gitea.repo("acme", "r5").privateRepo();
		HttpResponse<String> page = get("/api/v1/orgs/acme/repos?limit=100&page=1", null);
		assertThat(json(page).size()).isEqualTo(49);
		assertThat(page.headers().firstValue("X-Total-Count")).contains("120");
		assertThat(page.headers().firstValue("Link")).contains("<" + gitea.baseUrl()
				+ "/api/v1/orgs/acme/repos?limit=100&page=2>; rel=\"next\"," + "<" + gitea.baseUrl()
				+ "/api/v1/orgs/acme/repos?limit=100&page=3>; rel=\"last\"");
		HttpResponse<String> last = get("/api/v1/orgs/acme/repos?limit=50&page=3", "token any");
		assertThat(json(last).size()).isEqualTo(20);
		assertThat(last.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"")
			.contains("rel=\"prev\"");
	}

	@Test
	void listsTagsNewestFirstWithoutLinks() throws Exception {
		gitea.tag("acme", "rt", "v1", Instant.parse("2026-01-01T00:00:00Z"))
			.tag("acme", "rt", "v2", Instant.parse("2026-02-01T00:00:00Z"));
		HttpResponse<String> tags = get("/api/v1/repos/acme/rt/tags?limit=1", null);
		assertThat(json(tags).get(0).path("name").asString()).isEqualTo("v2");
		assertThat(json(tags).get(0).path("commit").path("created").asString()).isEqualTo("2026-02-01T02:00:00+02:00");
		assertThat(tags.headers().firstValue("X-Total-Count")).contains("2");
		assertThat(tags.headers().firstValue("Link")).isEmpty();
	}

	@Test
	void answersMissingThingsWithGiteasErrorShape() throws Exception {
		gitea.repo("acme", "fresh").empty();
		for (String path : new String[] { "/api/v1/orgs/nope/repos", "/api/v1/repos/acme/none",
				"/api/v1/repos/acme/fresh/contents/.runtime-version", "/api/v1/repos/acme/fresh/raw/x" }) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(json(response).has("message")).as(path).isTrue();
			assertThat(json(response).path("url").asString()).as(path).endsWith("/api/swagger");
		}
		assertThat(json(get("/api/v1/repos/acme/fresh/contents", null)).path("message").asString())
			.isEqualTo("repository is empty");
	}

	@Test
	void servesContentsRawAndTheBatch() throws Exception {
		gitea.repo("acme", "app").file(".runtime-version", "0.3.11\n").file("workspace/main.py", "print()");
		JsonNode file = json(get("/api/v1/repos/acme/app/contents/.runtime-version?ref=main", null));
		assertThat(file.path("encoding").asString()).isEqualTo("base64");
		assertThat(new String(Base64.getDecoder().decode(file.path("content").asString()), StandardCharsets.UTF_8))
			.isEqualTo("0.3.11\n");
		JsonNode root = json(get("/api/v1/repos/acme/app/contents", null));
		assertThat(root.findValuesAsString("type")).containsExactly("file", "dir");
		assertThat(root.get(0).path("content").isNull()).isTrue();
		assertThat(get("/api/v1/repos/acme/app/raw/.runtime-version?ref=no-such", null).body()).isEqualTo("0.3.11\n");
		assertThat(get("/api/v1/repos/acme/app/contents/.runtime-version?ref=no-such", null).statusCode())
			.isEqualTo(404);
		JsonNode batch = json(get("/api/v1/repos/acme/app/file-contents?body="
				+ "%7B%22files%22%3A%5B%22.runtime-version%22%2C%22missing%22%5D%7D", null));
		assertThat(batch.get(0).path("path").asString()).isEqualTo(".runtime-version");
		assertThat(batch.get(1).isNull()).isTrue();
		gitea.batchFileContents(false);
		assertThat(get("/api/v1/repos/acme/app/file-contents?body=%7B%7D", null).statusCode()).isEqualTo(404);
		assertThat(json(get("/api/v1/version", null)).path("version").asString()).startsWith("1.23");
	}

	@Test
	void hidesPrivateReposAndRejectsAWrongToken() throws Exception {
		gitea.requireToken("t0k").repo("acme", "secret").privateRepo();
		assertThat(get("/api/v1/repos/acme/secret", null).statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/repos/acme/secret", "token t0k").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/repos/acme/secret", "Bearer t0k").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/repos/acme/secret", "token nope").statusCode()).isEqualTo(401);
		assertThat(gitea.requests()).hasSize(4);
		assertThat(gitea.requests().get(1).header("authorization")).isEqualTo("token t0k");
	}

	@Test
	void injectsFaultsAFixedNumberOfTimes() throws Exception {
		gitea.failTimes("/version", 503, 1, "7");
		HttpResponse<String> failed = get("/api/v1/version", null);
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.headers().firstValue("Retry-After")).contains("7");
		assertThat(get("/api/v1/version", null).statusCode()).isEqualTo(200);
		gitea.htmlPage("/version");
		assertThat(get("/api/v1/version", null).headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		gitea.clearFaults();
		assertThat(get("/api/v1/version", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aFrozenFakeReplaysEachAnswerPerTokenAndStillInjectsFaults() throws Exception {
		gitea.requireToken("t0k").repo("acme", "secret").privateRepo().file(".runtime-version", "1.0.0\n");
		gitea.freeze();
		String contents = "/api/v1/repos/acme/secret/contents/.runtime-version";
		assertThat(get(contents, null).statusCode()).isEqualTo(404);
		String first = get(contents, "token t0k").body();
		assertThat(json(get(contents, "token t0k")).path("content").asString()).isEqualTo(
				Base64.getEncoder().encodeToString("1.0.0\n".getBytes(StandardCharsets.UTF_8)));
		// The answer is computed once: a change after freezing is not served.
		gitea.repo("acme", "secret").file(".runtime-version", "2.0.0\n");
		assertThat(get(contents, "token t0k").body()).isEqualTo(first);
		gitea.failTimes("/contents/", 503, 1, null);
		assertThat(get(contents, "token t0k").statusCode()).isEqualTo(503);
		assertThat(get(contents, "token t0k").body()).isEqualTo(first);
		assertThat(gitea.requests()).hasSize(6);
	}

	private HttpResponse<String> get(String target, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gitea.baseUrl() + target));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return TestForges.mapper().readTree(response.body());
	}
}
