package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gitea-compatible API on 127.0.0.1 that contradicts itself on purpose. Unlike {@link FakeGitea},
 * which keeps every answer consistent with one repository state, each endpoint here answers from its
 * own script ({@link HostileRepo}): the root listing may name a file that every read then denies. It
 * serves only what a scan asks: the org listing, a repository's {@code contents}, {@code file-contents}
 * (unless switched off) and {@code raw}, and the runtime repository's tags (its releases are none).
 */
public final class HostileGitea implements AutoCloseable {

	private final Map<String, HostileRepo> repos = new ConcurrentHashMap<>();

	private final Map<String, Instant> tags = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "hostile-gitea");
		thread.setDaemon(true);
		return thread;
	});

	private final String org;

	private volatile boolean batch = true;

	private HostileGitea(String org) throws IOException {
		this.org = org;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	/** A server for the organisation {@code org}, with no repository yet. */
	public static HostileGitea start(String org) {
		try {
			return new HostileGitea(org);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/** The repository of the organisation, added when new (listed in the order of addition). */
	public HostileRepo repo(String name) {
		return repos.computeIfAbsent(name, HostileRepo::new);
	}

	/** A tag of every repository's tag listing (only the runtime's is asked for), dated by its commit. */
	public HostileGitea tag(String name, Instant date) {
		tags.put(name, date);
		return this;
	}

	/** Whether the 1.24+ batch endpoint exists; without it every file is read alone. */
	public HostileGitea batchEndpoint(boolean exists) {
		batch = exists;
		return this;
	}

	/** Forgets every repository, tag and request; the batch endpoint exists again. */
	public HostileGitea reset() {
		repos.clear();
		tags.clear();
		requests.clear();
		batch = true;
		return this;
	}

	/** Every request so far, as {@code METHOD path?query}. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ((query == null) ? "" : "?" + query));
		List<String> path = FakeRequestTarget.segments(exchange.getRequestURI().getRawPath());
		Map<String, String> params = FakeRequestTarget.query(query);
		Object answer;
		try {
			answer = answer(path.subList(Math.min(2, path.size()), path.size()), params,
					exchange.getRequestBody().readAllBytes());
		}
		catch (RuntimeException ex) {
			answer = new Status(500);
		}
		byte[] body;
		int status = 200;
		String type = "application/json;charset=utf-8";
		if (answer instanceof Status missing) {
			status = missing.code();
			body = mapper.writeValueAsBytes(Map.of("message", "The target couldn't be found."));
		}
		else if (answer instanceof byte[] raw) {
			type = "text/plain; charset=utf-8";
			body = raw;
		}
		else {
			body = mapper.writeValueAsBytes(answer);
		}
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (var out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** The answer to {@code /api/v1/<route>}: a JSON value, raw bytes, or a {@link Status}. */
	private Object answer(List<String> route, Map<String, String> params, byte[] body) {
		int page = Integer.parseInt(params.getOrDefault("page", "1"));
		if (route.size() == 3 && route.get(0).equals("orgs") && route.get(2).equals("repos")) {
			return (page > 1 || !route.get(1).equals(org)) ? List.of() : repos.values().stream().map(this::repoJson).toList();
		}
		if (route.size() < 3 || !route.get(0).equals("repos") || !route.get(1).equals(org)) {
			return new Status(404);
		}
		HostileRepo repo = repos.get(route.get(2));
		if (route.size() == 3) {
			return (repo == null) ? new Status(404) : repoJson(repo);
		}
		String kind = route.get(3);
		String file = String.join("/", route.subList(4, route.size()));
		return switch (kind) {
			case "tags" -> (page > 1) ? List.of() : tagsJson();
			case "releases" -> List.of();
			case "contents" -> (repo == null) ? new Status(404) : file.isEmpty() ? repo.listing() : single(repo, file);
			case "file-contents" -> (repo == null || !batch) ? new Status(404) : batch(repo, params, body);
			case "raw" -> (repo == null || repo.rawMissing.contains(file) || !repo.files.containsKey(file))
					? new Status(404) : repo.bytes(file);
			default -> new Status(404);
		};
	}

	private Object single(HostileRepo repo, String path) {
		return switch (repo.single.getOrDefault(path, repo.truth(path))) {
			case NOTHING -> new Status(404);
			case DIRECTORY -> List.of();
			case FILE -> repo.fileEntry(path);
		};
	}

	private Object batch(HostileRepo repo, Map<String, String> params, byte[] body) {
		if (repo.batchAnswersNothing) {
			return List.of();
		}
		JsonNode request = mapper.readTree((body.length > 0) ? new String(body, StandardCharsets.UTF_8)
				: params.getOrDefault("body", "{}"));
		List<Object> answer = new ArrayList<>();
		for (JsonNode node : request.path("files").values()) {
			String path = node.asString();
			answer.add(switch (repo.batch.getOrDefault(path, repo.truth(path))) {
				case NOTHING -> null;
				case DIRECTORY -> HostileRepo.dirEntry(path);
				case FILE -> repo.fileEntry(path);
			});
		}
		return answer;
	}

	private Map<String, Object> repoJson(HostileRepo repo) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", repo.name);
		json.put("full_name", org + "/" + repo.name);
		json.put("default_branch", "main");
		json.put("archived", repo.archived);
		json.put("empty", repo.empty);
		json.put("private", false);
		return json;
	}

	private List<Object> tagsJson() {
		List<Object> list = new ArrayList<>();
		tags.forEach((name, date) -> list.add(Map.of("name", name, "commit",
				Map.of("sha", FakeGiteaRepo.sha(name), "created", date.toString()))));
		return list;
	}

	/** An answer with no body but its status. */
	private record Status(int code) {
	}
}
