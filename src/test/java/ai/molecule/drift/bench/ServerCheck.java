package ai.molecule.drift.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.molecule.drift.forge.FakeGitea;

/**
 * What the fake server costs, measured over loopback before the runs (which also compiles its code):
 * its own time per request with no added latency, and the round trip a warm client sees with the
 * latency, {@code concurrency} requests at a time. The second is the floor for any scan's request.
 *
 * @param ownMillis time per request, sequential, no added latency
 * @param roundTripMillis time per request with the added latency, {@code concurrency} at a time
 */
record ServerCheck(double ownMillis, double roundTripMillis) {

	private static final int WARM_UP_ROUNDS = 5;

	static ServerCheck measure(Duration latency, int concurrency) throws IOException, InterruptedException {
		Path policy = Files.createTempFile("bench-policy", ".yml");
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		double own;
		try (FakeGitea gitea = BenchOrg.serve(100, Duration.ZERO, true, policy)) {
			warmUp(client, gitea);
			own = timePerRequest(client, contents(gitea), 1000);
		}
		try (FakeGitea gitea = BenchOrg.serve(100, latency, true, policy)) {
			ExecutorService threads = Executors.newFixedThreadPool(concurrency);
			try {
				List<Future<Double>> perThread = new ArrayList<>();
				for (int i = 0; i < concurrency; i++) {
					perThread.add(threads.submit(() -> timePerRequest(client, contents(gitea), 100)));
				}
				double sum = 0;
				for (Future<Double> future : perThread) {
					sum += future.get();
				}
				return new ServerCheck(own, sum / concurrency);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("the fake server's round trip could not be measured", ex.getCause());
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	/** Asks for what a scan asks for, so that the fake's code is compiled before it is timed. */
	private static void warmUp(HttpClient client, FakeGitea gitea) throws IOException, InterruptedException {
		String repos = gitea.baseUrl() + "/api/v1/repos/" + BenchOrg.ORG + "/";
		String batch = "/file-contents?ref=main&body="
				+ URLEncoder.encode("{\"files\":[\".runtime-version\",\"Dockerfile\"]}", StandardCharsets.UTF_8);
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			send(client, gitea.baseUrl() + "/api/v1/orgs/" + BenchOrg.ORG + "/repos?limit=50&page=" + (round + 1));
			for (int i = 0; i < 100; i++) {
				send(client, repos + BenchOrg.T + "bench-" + i + "/contents?ref=main");
				send(client, repos + BenchOrg.T + "bench-" + i + batch);
			}
		}
	}

	private static String contents(FakeGitea gitea) {
		return gitea.baseUrl() + "/api/v1/repos/" + BenchOrg.ORG + "/" + BenchOrg.T + "bench-9/contents?ref=main";
	}

	private static double timePerRequest(HttpClient client, String uri, int requests) {
		long started = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			try {
				send(client, uri);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return (System.nanoTime() - started) / 1e6 / requests;
	}

	private static void send(HttpClient client, String uri) throws IOException, InterruptedException {
		client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding());
	}
}
