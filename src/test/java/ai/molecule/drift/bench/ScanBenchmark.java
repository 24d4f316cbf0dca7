package ai.molecule.drift.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.forge.FakeGitea;

/**
 * Runs the packaged jar, as a process, against a fake Gitea with added latency and prints what the
 * scan costs: wall time, requests, efficiency against the network's limit, heap, start-up. Not a
 * test: run it with {@code mvn -B -Pbench verify} (see the README's Performance section);
 * {@code -Dbench.only=REGEX} runs only the runs whose label matches.
 */
public final class ScanBenchmark {

	private static final Duration LATENCY = Duration.ofMillis(Integer.getInteger("bench.latency-ms", 20));

	private static final Pattern PEAK_HEAP = Pattern.compile("Peak heap used: (\\d+) MiB");

	private ScanBenchmark() {
	}

	/** One measured scan. */
	record Result(String label, int repos, int concurrency, String heap, boolean batch, double wallSeconds,
			double startupSeconds, int requests, long peakHeapMiB, int exitCode) {

		double requestsPerRepo() {
			return (double) requests / repos;
		}

		double idealSeconds() {
			return requests * LATENCY.toMillis() / 1000.0 / concurrency;
		}

		double efficiency() {
			return idealSeconds() / wallSeconds;
		}
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args.length > 0 ? args[0] : "target/consumer-drift.jar").toAbsolutePath();
		Path out = Path.of("target/bench");
		Files.createDirectories(out);
		List<Result> results = new ArrayList<>();
		results.add(run(jar, out, "N=100", 100, 8, null, true));
		results.add(run(jar, out, "N=1000", 1000, 8, null, true));
		results.add(run(jar, out, "N=1000 sequential", 1000, 1, null, true));
		results.add(run(jar, out, "N=1000 Gitea < 1.24", 1000, 8, null, false));
		results.add(run(jar, out, "N=5000", 5000, 8, null, true));
		results.add(run(jar, out, "N=5000 -Xmx128m", 5000, 8, "128m", true));
		results.removeIf(java.util.Objects::isNull);
		String table = BenchReport.markdown(results, LATENCY, serverMillisPerRequest());
		Files.writeString(out.resolve("results.md"), table);
		System.out.println(table);
	}

	private static Result run(Path jar, Path out, String label, int repos, int concurrency, String heap,
			boolean batch) throws IOException, InterruptedException {
		if (!label.matches(System.getProperty("bench.only", ".*"))) {
			return null;
		}
		Path work = Files.createTempDirectory("bench-");
		Path policy = work.resolve("drift-policy.yml");
		try (FakeGitea gitea = BenchOrg.serve(repos, LATENCY, batch, policy)) {
			List<String> command = new ArrayList<>(List.of(javaBin()));
			if (heap != null) {
				command.add("-Xmx" + heap);
			}
			command.addAll(List.of("-jar", jar.toString(), "scan", "--drift.forge.base-url=" + gitea.baseUrl(),
					"--drift.policy-file=" + policy, "--drift.report.dir=" + work.resolve("reports"),
					"--drift.scan.concurrency=" + concurrency,
					"--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/consumer-drift")));
			Path log = out.resolve(label.replaceAll("[^A-Za-z0-9=.-]+", "_") + ".log");
			long started = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			while (gitea.requests().isEmpty() && process.isAlive()) {
				Thread.sleep(1);
			}
			long firstRequest = System.nanoTime();
			if (!process.waitFor(30, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(label + " did not finish in 30 minutes");
			}
			long ended = System.nanoTime();
			String output = Files.readString(log);
			Matcher peak = PEAK_HEAP.matcher(output);
			Result result = new Result(label, repos, concurrency, heap, batch, (ended - firstRequest) / 1e9,
					(firstRequest - started) / 1e9, gitea.requests().size(), peak.find() ? Long.parseLong(peak.group(1)) : -1,
					process.exitValue());
			System.out.printf(Locale.ROOT, "%-22s %6.2f s, %5d requests, exit %d%n", label, result.wallSeconds(),
					result.requests(), result.exitCode());
			return result;
		}
	}

	/** The fake server's own time per request (no added latency), measured over loopback. */
	private static double serverMillisPerRequest() throws IOException, InterruptedException {
		Path policy = Files.createTempFile("bench-policy", ".yml");
		try (FakeGitea gitea = BenchOrg.serve(100, Duration.ZERO, true, policy)) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(gitea.baseUrl() + "/api/v1/repos/molecule-ai/" + BenchOrg.T + "bench-9/contents"))
				.build();
			for (int i = 0; i < 200; i++) {
				client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			int rounds = 1000;
			long started = System.nanoTime();
			for (int i = 0; i < rounds; i++) {
				client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			return (System.nanoTime() - started) / 1e6 / rounds;
		}
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
