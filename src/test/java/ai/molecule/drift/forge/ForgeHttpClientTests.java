package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link ForgeHttpClient}: retries, back-off, redirects, the token's confinement and JSON errors. */
class ForgeHttpClientTests {

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private final URI version = URI.create(gitea.baseUrl() + "/api/v1/version");

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void retriesUnavailableHonouringRetryAfter() {
		gitea.failTimes("/version", 503, 2, "2");
		assertThat(client(TestForges.TOKEN).getJson(version)).hasValueSatisfying(
				(json) -> assertThat(json.path("version").asString()).isEqualTo("1.24.6"));
		assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
		assertThat(gitea.requests()).hasSize(3);
	}

	@Test
	void honoursRetryAfterAsAnHttpDate() {
		String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
		gitea.failTimes("/version", 429, 1, inThreeSeconds);
		assertThat(client(null).getJson(version)).isPresent();
		assertThat(sleeper.waits()).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(3)));
	}

	@Test
	void capsRetryAfterAtTheMaximumDelay() {
		gitea.failTimes("/version", 503, 1, "3600");
		assertThat(client(null).getJson(version)).isPresent();
		assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
	}

	@Test
	void backsOffExponentiallyWithJitter() {
		gitea.failTimes("/version", 502, 3, null);
		assertThat(client(null).getJson(version)).isPresent();
		assertThat(sleeper.waits()).hasSize(3);
		assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(sleeper.waits().get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
	}

	@Test
	void givesUpAfterTheConfiguredAttempts() {
		gitea.failAlways("/version", 504);
		ForgeHttpClient client = new ForgeHttpClient(gitea.baseUrl(),
				TestForges.settings(gitea.baseUrl(), null, 3, Duration.ofSeconds(5)), "token", "consumer-drift/test",
				TestForges.mapper(), sleeper);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client.get(version))
			.withMessage("GET /api/v1/version: HTTP 504 after 3 attempts");
		assertThat(gitea.requests()).hasSize(3);
		assertThat(sleeper.waits()).hasSize(2);
	}

	@Test
	void doesNotRetryClientErrors() {
		gitea.failAlways("/version", 403);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client(null).getJson(version))
			.withMessage("GET /api/v1/version: HTTP 403 (the token lacks access to this resource)");
		assertThat(gitea.requests()).hasSize(1);
	}

	@Test
	void retriesADroppedConnection() {
		// The HTTP client never resends by itself: each drop is one of our attempts.
		gitea.dropConnection("/version", 2);
		assertThat(client(null).getJson(version)).isPresent();
		assertThat(sleeper.waits()).hasSize(2);
	}

	@Test
	void namesTheIoErrorWhenConnectionsKeepDropping() {
		gitea.dropConnection("/version", 100);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client(null).get(version))
			.withMessageStartingWith("GET /api/v1/version: NoHttpResponseException (The target server failed to respond)")
			.withMessageEndingWith("after 4 attempts");
		assertThat(sleeper.waits()).hasSize(3);
	}

	@Test
	void retriesATimeoutAndNamesItWhenAttemptsRunOut() {
		DriftProperties.Forge settings = TestForges.settings(gitea.baseUrl(), null, 2, Duration.ofMillis(200));
		ForgeHttpClient client = new ForgeHttpClient(gitea.baseUrl(), settings, "token", "ua", TestForges.mapper(),
				sleeper);
		gitea.delay("/version", Duration.ofSeconds(1), 1);
		assertThat(client.getJson(version)).isPresent();

		gitea.delay("/version", Duration.ofSeconds(1), 2);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client.get(version))
			.withMessageStartingWith("GET /api/v1/version: SocketTimeoutException")
			.withMessageEndingWith("after 2 attempts");
	}

	@Test
	void anHtmlPageWhereJsonWasExpectedIsAClearError() {
		gitea.htmlPage("/version");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client(null).getJson(version))
			.withMessageStartingWith("GET /api/v1/version: expected JSON but got an HTML page (HTTP 200)");
	}

	@Test
	void truncatedJsonIsAClearError() {
		gitea.repo("acme", "app");
		gitea.truncate("/repos/acme/app");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> client(null).getJson(URI.create(gitea.baseUrl() + "/api/v1/repos/acme/app")))
			.withMessageStartingWith("GET /api/v1/repos/acme/app: the response is not valid JSON (HTTP 200,");
	}

	@Test
	void sendsItsUserAgentAndTheTokenToTheForge() {
		client(" " + TestForges.TOKEN + "\n").get(version);
		FakeGitea.Request request = gitea.requests().get(0);
		assertThat(request.header("User-Agent")).isEqualTo("consumer-drift/test");
		assertThat(request.header("Authorization")).isEqualTo("token " + TestForges.TOKEN);
	}

	@Test
	void followsARedirectOnTheSameHostWithTheToken() {
		gitea.repo("acme", "renamed");
		gitea.redirect("/repos/acme/old$", "/api/v1/repos/acme/renamed");
		assertThat(client(TestForges.TOKEN).getJson(URI.create(gitea.baseUrl() + "/api/v1/repos/acme/old")))
			.hasValueSatisfying((json) -> assertThat(json.path("name").asString()).isEqualTo("renamed"));
		assertThat(gitea.requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("Authorization"))
				.isEqualTo("token " + TestForges.TOKEN));
	}

	@Test
	void refusesARedirectToAnotherHostAndKeepsTheTokenHome() {
		try (FakeGitea elsewhere = FakeGitea.start()) {
			gitea.redirect("/version", elsewhere.baseUrl() + "/api/v1/version");
			assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client(TestForges.TOKEN).get(version))
				.withMessageStartingWith("GET /api/v1/version: HTTP 302 redirect to another host (127.0.0.1:"
						+ elsewhere.baseUrl().getPort() + ") refused")
				.withMessageNotContaining(TestForges.TOKEN);
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@Test
	void neverSendsTheTokenToAnotherOrigin() {
		try (FakeGitea elsewhere = FakeGitea.start()) {
			client(TestForges.TOKEN).get(URI.create(elsewhere.baseUrl() + "/api/v1/version"));
			assertThat(elsewhere.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization")).isNull());
		}
	}

	@Test
	void theTokenNeverAppearsInAMessage() {
		gitea.failAlways("/contents", 500);
		GiteaForge forge = TestForges.gitea(gitea, TestForges.TOKEN, sleeper);
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> forge.readFile("acme", "app", "notes-" + TestForges.TOKEN + ".txt"))
			.withMessage("GET /api/v1/repos/acme/app/contents/notes-<token>.txt: HTTP 500 after 4 attempts");
		assertThat(forge.toString()).doesNotContain(TestForges.TOKEN);
	}

	@Test
	void aWrongTokenIsReportedWithoutEchoingIt() {
		gitea.requireToken(TestForges.TOKEN);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client("wrong-token").getJson(version))
			.withMessage("GET /api/v1/version: HTTP 401 (the token is missing, invalid or expired)");
	}

	@Test
	void rejectsATokenWithInnerWhitespace() {
		assertThatIllegalArgumentException().isThrownBy(() -> client("abc def"))
			.withMessageNotContaining("abc");
	}

	@Test
	void neverRetriesAWriteTheForgeMayHaveApplied() {
		gitea.repo("acme", "app");
		gitea.failAlways("/repos/acme/app/issues$", 502);
		URI issues = URI.create(gitea.baseUrl() + "/api/v1/repos/acme/app/issues");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> client(TestForges.TOKEN).write("POST", issues, java.util.Map.of("title", "x")))
			.withMessage("POST /api/v1/repos/acme/app/issues: HTTP 502: injected failure");
		assertThat(gitea.requests()).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
		assertThat(sleeper.waits()).isEmpty();
	}

	private ForgeHttpClient client(String token) {
		return new ForgeHttpClient(gitea.baseUrl(), TestForges.settings(gitea.baseUrl(), token), "token",
				"consumer-drift/test", TestForges.mapper(), sleeper);
	}
}
