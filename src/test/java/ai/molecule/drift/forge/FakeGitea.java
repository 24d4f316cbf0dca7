package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gitea REST API v1 on 127.0.0.1 for tests, shaped like the real one (see forge-api.md):
 * {@code limit} clamped to the page size, {@code X-Total-Count} counting every repository,
 * absolute {@code Link} headers on repository and release lists but not on tags, private
 * repositories dropped after paging for callers without the token, 404 {@code {"message", "url"}}
 * errors, base64 {@code contents}, {@code raw}, the 1.24+ {@code file-contents} batch, tags and
 * releases newest first. Faults can be injected and every request is recorded.
 * <pre>
 * try (FakeGitea gitea = FakeGitea.start()) {
 *     gitea.repo("acme", "app").file(".runtime-version", "0.3.11\n");
 *     gitea.failTimes("/contents/\\.runtime-version", 503, 2, "1");
 *     ... new GiteaForge(settings(gitea.baseUrl()), mapper) ...
 *     assertThat(gitea.requests("/contents")).hasSize(3);
 * }
 * </pre>
 * Fault patterns are regular expressions searched in the decoded {@code path?query} of a request.
 * Thread-safe: configuration may change while clients read.
 */
public final class FakeGitea implements AutoCloseable {

	/**
	 * One recorded request.
	 *
	 * @param method the HTTP method
	 * @param target the path and query as sent (percent-encoded)
	 * @param path the decoded path
	 * @param headers request headers by lower-case name (first value)
	 */
	public record Request(String method, String target, String path, Map<String, String> headers) {

		/** A request header, by case-insensitive name; {@code null} when absent. */
		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * One answered request, for checking answers against the API description.
	 *
	 * @param request the request
	 * @param requestBody its body (empty for none)
	 * @param status the status answered
	 * @param contentType the answer's {@code Content-Type}, {@code null} for none
	 * @param responseBody the answer's body as served
	 */
	public record Exchange(Request request, byte[] requestBody, int status, String contentType, byte[] responseBody) {
	}

	private final FakeGiteaState state = new FakeGiteaState();

	private final FakeGiteaFaults faults = new FakeGiteaFaults();

	private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

	private final HttpServer server;

	private final ExecutorService executor;

	private final URI baseUrl;

	private FakeGitea() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "fake-gitea");
			thread.setDaemon(true);
			return thread;
		});
		FakeGiteaApi api = new FakeGiteaApi(state, JsonMapper.builder().build(), baseUrl.toString());
		server.createContext("/", new FakeGiteaHandler(state, faults, requests, exchanges, api));
		server.setExecutor(executor);
		server.start();
	}

	/** Starts a server on a free port of 127.0.0.1. */
	public static FakeGitea start() {
		// The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
		// delayed ACKs add ~40 ms to every keep-alive request, and the fake would be the bottleneck.
		// Read once, when the JDK's server configuration first loads.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			return new FakeGitea();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server root, such as {@code http://127.0.0.1:54321} (the API is under {@code /api/v1}). */
	public URI baseUrl() {
		return baseUrl;
	}

	/** Adds an organisation (also implied by {@link #repo}). */
	public FakeGitea org(String name) {
		synchronized (state.lock) {
			state.orgs.putIfAbsent(FakeGiteaState.key(name), new LinkedHashMap<>());
		}
		return this;
	}

	/**
	 * The repository, added when new (with its organisation, on branch {@code main}); repositories
	 * are listed in creation order, like Gitea's {@code id ASC}.
	 */
	public FakeGiteaRepo repo(String org, String name) {
		synchronized (state.lock) {
			org(org);
			return state.org(org).computeIfAbsent(FakeGiteaState.key(name),
					(key) -> new FakeGiteaRepo(state.lock, org, name, state.nextId++));
		}
	}

	/** The issues, comments and labels of a repository; {@code repo == null} for the organisation's own labels. */
	public FakeIssues issues(String owner, String repo) {
		synchronized (state.lock) {
			return state.issues(owner, repo);
		}
	}

	/** Removes a repository. */
	public FakeGitea deleteRepo(String org, String name) {
		synchronized (state.lock) {
			if (state.org(org) != null) {
				state.org(org).remove(FakeGiteaState.key(name));
			}
		}
		return this;
	}

	/** Shorthand for {@code repo(org, repo).tag(tagName, date)}. */
	public FakeGitea tag(String org, String repo, String tagName, Instant date) {
		repo(org, repo).tag(tagName, date);
		return this;
	}

	/** Shorthand for {@code repo(org, repo).release(...)}. */
	public FakeGitea release(String org, String repo, String tagName, Instant publishedAt, boolean draft,
			boolean prerelease) {
		repo(org, repo).release(tagName, publishedAt, draft, prerelease);
		return this;
	}

	/**
	 * Private repositories (and draft releases) are visible only with {@code Authorization: token <T>}
	 * (or {@code Bearer <T>}); any other token is answered 401. Without this, any token is accepted.
	 */
	public FakeGitea requireToken(String token) {
		synchronized (state.lock) {
			state.token = token;
		}
		return this;
	}

	/** The token may read but not write: commits and pull requests answer 403, as for a read-only token. */
	public FakeGitea readOnlyToken() {
		synchronized (state.lock) {
			state.readOnly = true;
		}
		return this;
	}

	/** How many commits were made through the contents API. */
	public int commits() {
		synchronized (state.lock) {
			return state.commits;
		}
	}

	/**
	 * With {@code false}, behaves like Gitea before 1.24: {@code file-contents} and {@code contents-ext} are 404
	 * and the version 1.23.
	 */
	public FakeGitea batchFileContents(boolean enabled) {
		synchronized (state.lock) {
			state.batchFileContents = enabled;
			state.contentsExt = enabled;
			state.version = enabled ? "1.24.6" : "1.23.8";
		}
		return this;
	}

	/** With {@code false}, {@code contents-ext} is 404 (a server with {@code file-contents} but without it). */
	public FakeGitea contentsExt(boolean enabled) {
		synchronized (state.lock) {
			state.contentsExt = enabled;
		}
		return this;
	}

	/** How many last-commit lookups the answers so far would have cost a real Gitea. */
	public long commitLookups() {
		return state.commitLookups.get();
	}

	/** Gitea's {@code MAX_RESPONSE_ITEMS} (default 50): larger {@code limit}s are clamped to it. */
	public FakeGitea pageSize(int maxItems) {
		synchronized (state.lock) {
			state.pageSize = maxItems;
		}
		return this;
	}

	/** Files larger than this come back without inline {@code content} (Gitea's DEFAULT_MAX_BLOB_SIZE). */
	public FakeGitea maxBlobSize(long bytes) {
		synchronized (state.lock) {
			state.maxBlobSize = bytes;
		}
		return this;
	}

	/** Base64 {@code content} wrapped in lines, as GitHub sends it. */
	public FakeGitea wrapBase64(boolean wrap) {
		synchronized (state.lock) {
			state.wrapBase64 = wrap;
		}
		return this;
	}

	/** The ROOT_URL used in {@code Link} headers, to emulate a Gitea configured with another address. */
	public FakeGitea linkBase(URI rootUrl) {
		synchronized (state.lock) {
			state.linkBase = rootUrl;
		}
		return this;
	}

	/** Every matching request is answered {@code status} with a JSON error. */
	public FakeGitea failAlways(String pathRegex, int status) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.FAIL, status, null, null, null, -1);
		return this;
	}

	/** The next {@code times} matching requests are answered {@code status}, with {@code Retry-After} when not null. */
	public FakeGitea failTimes(String pathRegex, int status, int times, String retryAfter) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.FAIL, status, null, retryAfter, null, times);
		return this;
	}

	/** Matching requests get a 200 HTML page, like a proxy's error page or a login page. */
	public FakeGitea htmlPage(String pathRegex) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.HTML, 200, null, null, null, -1);
		return this;
	}

	/** Matching requests get only the first half of their normal body. */
	public FakeGitea truncate(String pathRegex) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.TRUNCATE, 200, null, null, null, -1);
		return this;
	}

	/** The next {@code times} matching requests get no answer: the connection is closed. */
	public FakeGitea dropConnection(String pathRegex, int times) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.DROP, 0, null, null, null, times);
		return this;
	}

	/** The next {@code times} matching requests are answered only after {@code delay}. */
	public FakeGitea delay(String pathRegex, Duration delay, int times) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.DELAY, 0, null, null, delay, times);
		return this;
	}

	/**
	 * Matching requests are answered only once {@link #clearFaults()} is called: a run that needs them waits
	 * for the test, however slow the machine, instead of for a fixed time.
	 */
	public FakeGitea hold(String pathRegex) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.HOLD, 0, null, null, null, -1);
		return this;
	}

	/** Matching requests are answered {@code 302 Location: location}. */
	public FakeGitea redirect(String pathRegex, String location) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.REDIRECT, 302, null, location, null, -1);
		return this;
	}

	/**
	 * Matching answers carry this header value instead of their own (a lying {@code Link}, say);
	 * {@code null} removes the header.
	 */
	public FakeGitea header(String pathRegex, String name, String value) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.HEADER, 0, name, value, null, -1);
		return this;
	}

	/**
	 * Declares the served content final, for benchmarks: from now on the answer to a GET is computed
	 * once per target and {@code Authorization} header and replayed, so that the fake costs little per
	 * request. Faults and delays still apply per request. The content must not change afterwards (a
	 * request other than GET, such as creating an issue, forgets the remembered answers).
	 */
	public FakeGitea freeze() {
		synchronized (state.lock) {
			state.frozen = true;
		}
		return this;
	}

	/** Removes every injected fault. */
	public FakeGitea clearFaults() {
		faults.clear();
		return this;
	}

	/** Every request so far, in arrival order. */
	public List<Request> requests() {
		return List.copyOf(requests);
	}

	/** The requests whose decoded {@code path?query} contains a match of {@code regex}. */
	public List<Request> requests(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return requests.stream().filter((request) -> pattern.matcher(decoded(request)).find()).toList();
	}

	/** Every answered request so far, with both bodies, in the order answered. */
	public List<Exchange> exchanges() {
		return List.copyOf(exchanges);
	}

	public FakeGitea clearRequests() {
		requests.clear();
		exchanges.clear();
		return this;
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private static String decoded(Request request) {
		int q = request.target().indexOf('?');
		String query = (q < 0) ? "" : "?" + URLDecoder.decode(request.target().substring(q + 1),
				StandardCharsets.UTF_8);
		return request.path() + query;
	}
}
