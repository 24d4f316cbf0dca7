package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A forge that echoes the token back, whole or in part, after filler of any length: no message keeps
 * the token or any long piece of it, however the message is cut.
 */
class TokenEchoTests {

	/** 40 characters, like a real Gitea token. */
	private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";

	private final HttpServer server;

	private volatile String answer = "";

	private volatile int status = 200;

	TokenEchoTests() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", (exchange) -> {
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 150, 160, 161, 190, 199, 200, 250, 290, 299 })
	void aRefusalEchoingTheTokenAfterFillerNeverShowsIt(int offset) {
		status = 422;
		answer = "{\"message\":\"" + "a".repeat(offset) + TOKEN + " is not allowed\"}";

		String message = catchThrowableOfType(ForgeException.class,
				() -> client().write("POST", uri("/api/v1/repos/acme/app/issues"), Map.of("title", "x")))
			.getMessage();

		assertThat(message).startsWith("POST /api/v1/repos/acme/app/issues: HTTP 422: ");
		assertNoPieceOfTheToken(message);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 100, 150, 170, 190, 199, 220 })
	void anAnswerThatIsNoJsonEchoingTheTokenNeverShowsIt(int offset) {
		answer = "a".repeat(offset) + TOKEN + "zzz";

		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> client().getJson(uri("/api/v1/version")))
			.satisfies((ex) -> assertNoPieceOfTheToken(ex.getMessage()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "start", "end", "middle", "twice" })
	void partsOfTheTokenAreMaskedToo(String part) {
		String echoed = switch (part) {
			case "start" -> TOKEN.substring(0, 20);
			case "end" -> TOKEN.substring(28);
			case "middle" -> TOKEN.substring(11, 20);
			default -> TOKEN.substring(0, 10) + "-" + TOKEN.substring(30);
		};
		status = 403;
		answer = "{\"message\":\"bad credentials " + echoed + "\"}";

		String message = catchThrowableOfType(ForgeException.class,
				() -> client().write("PATCH", uri("/api/v1/repos/acme/app/issues/1"), Map.of("body", "x")))
			.getMessage();

		assertThat(message).contains("bad credentials <token>");
		assertNoPieceOfTheToken(message);
	}

	@Test
	void shortRunsAndOrdinaryTextStay() {
		TokenMask mask = new TokenMask(TOKEN);
		assertThat(mask.mask("commit 9f86d08 and " + TOKEN.substring(3, 10))).isEqualTo("commit 9f86d08 and " + TOKEN.substring(3, 10));
		assertThat(mask.mask("x" + TOKEN + "y" + TOKEN)).isEqualTo("x<token>y<token>");
		assertThat(new TokenMask("abc").mask("xabcx ab")).isEqualTo("x<token>x ab");
		assertThat(new TokenMask(null).mask("anything")).isEqualTo("anything");
	}

	private static void assertNoPieceOfTheToken(String message) {
		for (int i = 0; i + TokenMask.MIN_RUN <= TOKEN.length(); i++) {
			assertThat(message).doesNotContain(TOKEN.substring(i, i + TokenMask.MIN_RUN));
		}
	}

	private ForgeHttpClient client() {
		URI base = uri("");
		return new ForgeHttpClient(base, TestForges.settings(base, TOKEN), "token", "consumer-drift/test",
				TestForges.mapper(), (delay) -> {
				});
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}
}
