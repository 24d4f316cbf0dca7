package ai.molecule.drift.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.job.FuzzMutation.Endpoint;
import ai.molecule.drift.job.FuzzMutation.FuzzAnswer;

/**
 * A proxy on 127.0.0.1 in front of a friendly {@link FakeGitea} that rewrites its answers by a plan of
 * {@link FuzzMutation}s: the org stays one consistent state, and only what the forge says about it
 * lies. Counts the occurrences of each request (so that a lie can hit the first read and not the
 * retry) and keeps every org listing page it served, to know which repositories the forge named.
 */
final class FuzzGitea implements AutoCloseable {

	private static final List<String> FORWARDED = List.of("Content-Type", "X-Total-Count", "Link", "ETag");

	private final FakeGitea upstream;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "fuzz-gitea");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI baseUrl;

	private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();

	private final List<String> listings = new CopyOnWriteArrayList<>();

	private final List<String> applied = new CopyOnWriteArrayList<>();

	private volatile List<FuzzMutation> plan = List.of();

	FuzzGitea(FakeGitea upstream) {
		this.upstream = upstream;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		upstream.linkBase(baseUrl);
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	URI baseUrl() {
		return baseUrl;
	}

	/** The lies of the next run; forgets the last run's requests and listings. */
	void plan(List<FuzzMutation> mutations) {
		occurrences.clear();
		listings.clear();
		applied.clear();
		plan = List.copyOf(mutations);
	}

	/** The bodies of the org listing pages served since the plan was set, as text. */
	List<String> listings() {
		return List.copyOf(listings);
	}

	/** Which mutations rewrote which requests since the plan was set. */
	List<String> applied() {
		return List.copyOf(applied);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String rawTarget = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			String target = URLDecoder.decode(rawTarget, StandardCharsets.UTF_8);
			byte[] requestBody = exchange.getRequestBody().readAllBytes();
			String method = exchange.getRequestMethod();
			Endpoint endpoint = endpoint(uri.getPath());
			int occurrence = occurrences.computeIfAbsent(method + " " + target + " " + new String(requestBody,
					StandardCharsets.UTF_8), (key) -> new AtomicInteger()).incrementAndGet();
			FuzzAnswer answer = forward(method, rawTarget, exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Content-Type"), requestBody);
			for (FuzzMutation mutation : plan) {
				if (answer != null && mutation.matches(endpoint, target, occurrence)) {
					applied.add(mutation + " -> " + method + " " + target + " (" + occurrence + ")");
					answer = mutation.apply(answer, endpoint, target, occurrence, baseUrl.toString(),
							(page) -> otherPage(rawTarget, page, exchange));
				}
			}
			if (answer == null) {
				// Closing without an answer: the client sees the connection end mid-exchange.
				return;
			}
			if (endpoint == Endpoint.LIST) {
				listings.add(new String(answer.body(), StandardCharsets.UTF_8));
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			boolean noBody = answer.status() == 204 || answer.status() == 304 || answer.body().length == 0;
			exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
			if (!noBody) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer.body());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The client gave up, or the answer could not be written: the client sees a broken exchange.
		}
	}

	private byte[] otherPage(String rawTarget, int page, HttpExchange exchange) {
		String other = rawTarget.replaceAll("([?&]page=)\\d+", "$1" + page);
		if (other.equals(rawTarget)) {
			other = rawTarget + (rawTarget.contains("?") ? "&" : "?") + "page=" + page;
		}
		FuzzAnswer answer = forward("GET", other, exchange.getRequestHeaders().getFirst("Authorization"), null,
				new byte[0]);
		return (answer != null) ? answer.body() : new byte[0];
	}

	private FuzzAnswer forward(String method, String rawTarget, String authorization, String contentType,
			byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + rawTarget))
			.timeout(Duration.ofSeconds(10))
			.method(method, (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			Map<String, String> headers = new LinkedHashMap<>();
			for (String name : FORWARDED) {
				response.headers().firstValue(name).ifPresent((value) -> headers.put(name, value));
			}
			return new FuzzAnswer(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a request asks, from its decoded path. */
	static Endpoint endpoint(String path) {
		List<String> segments = new ArrayList<>(List.of(path.replaceFirst("^/api/v1/", "").split("/", -1)));
		if (segments.size() == 3 && segments.get(0).equals("orgs") && segments.get(2).equals("repos")) {
			return Endpoint.LIST;
		}
		if (segments.size() < 3 || !segments.get(0).equals("repos")) {
			return Endpoint.ANY;
		}
		if (segments.size() == 3) {
			return Endpoint.REPO;
		}
		String rest = String.join("/", segments.subList(4, segments.size()));
		return switch (segments.get(3)) {
			case "contents" -> rest.isEmpty() ? Endpoint.ROOT : Endpoint.FILE;
			case "file-contents" -> Endpoint.BATCH;
			case "raw" -> Endpoint.RAW;
			case "tags" -> Endpoint.TAGS;
			case "releases" -> Endpoint.RELEASES;
			default -> Endpoint.ANY;
		};
	}
}
