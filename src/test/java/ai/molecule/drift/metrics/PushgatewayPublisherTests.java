package ai.molecule.drift.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** What the publisher sends, seen by a bare HTTP server: the URL's parts, credentials, method. */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayPublisherTests {

	final List<String> requests = new CopyOnWriteArrayList<>();

	final HttpServer server = start();

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void aPathPrefixIsKeptAndUserInfoBecomesBasicAuthenticationThatIsNeverLogged(CapturedOutput output) {
		URI url = URI.create("http://bot:p%40ss@127.0.0.1:" + server.getAddress().getPort() + "/gateway/");
		PushgatewayPublisher publisher = new PushgatewayPublisher(
				new MetricsProperties(url, "consumer-drift", Duration.ofSeconds(2)), lastSuccess(null));

		publisher.runFinished(RunMetricsTests.failingRun());

		assertThat(requests).containsExactly("PUT /gateway/metrics/job/consumer-drift/org/molecule-ai Basic "
				+ Base64.getEncoder().encodeToString("bot:p@ss".getBytes(StandardCharsets.UTF_8)));
		assertThat(output).contains("Run 42 metrics pushed to http://127.0.0.1:" + server.getAddress().getPort()
				+ "/gateway (job consumer-drift, org molecule-ai)")
			.doesNotContain("p@ss", "p%40ss", "bot:");
	}

	@Test
	void nothingIsSentWithoutAUrl() {
		new PushgatewayPublisher(new MetricsProperties(null, "consumer-drift", Duration.ofSeconds(2)),
				lastSuccess(Instant.EPOCH))
			.runFinished(RunMetricsTests.failingRun());

		assertThat(requests).isEmpty();
	}

	private static LastSuccess lastSuccess(Instant instant) {
		return new LastSuccess(null) {

			@Override
			Optional<Instant> of(String org) {
				return Optional.ofNullable(instant);
			}
		};
	}

	private HttpServer start() {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			http.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
						+ exchange.getRequestHeaders().getFirst("Authorization"));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			http.start();
			return http;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
