package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves recorded answers (the JSON fixtures under {@code fixtures/}) on 127.0.0.1: each route, a method, a
 * decoded path and optionally query parameters the request must carry (such as {@code ?page=1}), answers one
 * fixture file with its status; anything else is a 404 with the {@code notFound} body given. Records what was
 * asked, as {@code "METHOD path?query"}.
 */
final class FixtureServer implements AutoCloseable {

	private record Route(String query, int status, String contentType, byte[] body) {

		/** Whether every {@code name=value} of this route's query is in the request's. */
		boolean matches(String requestQuery) {
			List<String> asked = List.of(((requestQuery == null) ? "" : requestQuery).split("&"));
			return query.isEmpty() || asked.containsAll(List.of(query.split("&")));
		}
	}

	private final HttpServer server;

	/** By {@code "METHOD path"}, the routes with a query condition first. */
	private final Map<String, List<Route>> routes = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final byte[] notFound;

	FixtureServer(String notFound) {
		this.notFound = notFound.getBytes(StandardCharsets.UTF_8);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	/** The fixture {@code fixtures/<name>} (a test resource beside this class) as a JSON file. */
	static String fixture(String name) {
		try (InputStream in = FixtureServer.class.getResourceAsStream("fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/** Answers {@code method target} (a path, and the query parameters it needs, if any) with the JSON fixture. */
	FixtureServer json(String method, String target, int status, String fixture) {
		return body(method, target, status, "application/json;charset=utf-8", fixture(fixture));
	}

	/** Answers {@code method target} with this body. */
	FixtureServer body(String method, String target, int status, String contentType, String body) {
		String[] parts = target.split("\\?", 2);
		Route route = new Route((parts.length > 1) ? parts[1] : "", status, contentType,
				body.getBytes(StandardCharsets.UTF_8));
		routes.computeIfAbsent(method + " " + parts[0], (key) -> new CopyOnWriteArrayList<>())
			.add(route.query().isEmpty() ? routes.get(method + " " + parts[0]).size() : 0, route);
		return this;
	}

	List<String> requests() {
		return List.copyOf(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getQuery();
			requests.add(exchange.getRequestMethod() + " " + path + ((query != null) ? "?" + query : ""));
			Route route = routes.getOrDefault(exchange.getRequestMethod() + " " + path, List.of()).stream()
				.filter((candidate) -> candidate.matches(query))
				.findFirst()
				.orElse(new Route("", 404, "application/json;charset=utf-8", notFound));
			exchange.getResponseHeaders().set("Content-Type", route.contentType());
			exchange.sendResponseHeaders(route.status(), route.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(route.body());
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
