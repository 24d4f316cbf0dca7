package ai.molecule.drift.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.RequiredTool;

/**
 * A real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}), started as a child
 * process on a free loopback port, and a reader of the series it serves on {@code /metrics}.
 * Without the binary the tests using it are skipped locally and fail in CI ({@link RequiredTool}).
 */
final class LocalPushgateway implements AutoCloseable {

	static final String BINARY = "prometheus-pushgateway";

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final Process process;

	private final URI url;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private LocalPushgateway(Process process, URI url) {
		this.process = process;
		this.url = url;
	}

	/** Starts the gateway and waits until it is ready (at most ten seconds). */
	static LocalPushgateway start() throws IOException, InterruptedException {
		Path binary = RequiredTool.find(BINARY, "apt-get install -y prometheus-pushgateway; .ci/run does it");
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		// Debian's build persists to /var/lib/prometheus by default: in memory only, each test starts empty.
		Process process = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
				"--persistence.file=", "--log.level=warn").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		LocalPushgateway gateway = new LocalPushgateway(process, URI.create("http://127.0.0.1:" + port));
		gateway.awaitReady();
		return gateway;
	}

	URI url() {
		return url;
	}

	/** Every sample the gateway serves, its labels included, in the order served. */
	List<Sample> samples() throws IOException, InterruptedException {
		List<Sample> samples = new ArrayList<>();
		for (String line : get("/metrics").split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!line.startsWith("#") && sample.matches()) {
				Map<String, String> labels = new LinkedHashMap<>();
				Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
				samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
			}
		}
		return samples;
	}

	/** Samples of one metric name. */
	List<Sample> samples(String name) throws IOException, InterruptedException {
		return samples().stream().filter(s -> s.name().equals(name)).toList();
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(5, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

	private void awaitReady() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException(BINARY + " exited with " + process.exitValue() + " before it was ready");
			}
			try {
				get("/-/ready");
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		close();
		throw new IOException(BINARY + " was not ready within ten seconds on " + url);
	}

	/**
	 * One sample as served.
	 *
	 * @param name metric name
	 * @param labels its labels, grouping labels included
	 * @param value its value
	 */
	record Sample(String name, Map<String, String> labels, double value) {

		String label(String name) {
			return labels.get(name);
		}
	}
}
