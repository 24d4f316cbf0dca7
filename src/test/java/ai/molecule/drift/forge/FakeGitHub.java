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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GitHub Enterprise Server API on 127.0.0.1 for tests ({@code /api/v3} and {@code /api/graphql}),
 * shaped like the real one (see forge-api.md): {@code per_page} up to 100 with {@code link} headers,
 * line-wrapped base64 contents ("encoding": "none" above 1 MB, raw with the raw media type), submodules
 * listed as {@code "file"} and links to a file of the repository followed, as GitHub documents, tags
 * without dates, releases, 404 "This repository is empty.", rate-limit headers on every answer and
 * 403/429 when a limit is hit, a mandatory {@code User-Agent}, issues, comments and labels (201 on
 * create, 200 on edit, 422 for bodies over 65,536 characters, pull requests in issue lists), and a
 * GraphQL endpoint that understands the queries consumer-drift sends (errors with HTTP 200). Every
 * request is recorded. Unlike {@link FakeGitea}'s, fault and rate-limit patterns are regular expressions
 * searched in {@code "METHOD decoded-path?query"}, such as {@code "GET /api/v3/repos/acme/x/issues\\?"}.
 */
public final class FakeGitHub implements AutoCloseable {

	private final FakeGiteaState state = new FakeGiteaState();

	private final FakeGiteaFaults faults = new FakeGiteaFaults();

	private final FakeGitHubLimits limits = new FakeGitHubLimits();

	private final FakeGitHubGraphQlFaults graphqlFaults = new FakeGitHubGraphQlFaults();

	private final List<FakeGitea.Request> requests = new CopyOnWriteArrayList<>();

	private final List<FakeGitea.Exchange> exchanges = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor;

	private final URI baseUrl;

	private FakeGitHub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "fake-github");
			thread.setDaemon(true);
			return thread;
		});
		state.pageSize = 100;
		state.maxBlobSize = 1024 * 1024;
		state.wrapBase64 = true;
		server.createContext("/", new FakeGitHubHandler(state, faults, limits, graphqlFaults, requests, exchanges,
				JsonMapper.builder().build(), baseUrl.toString()));
		server.setExecutor(executor);
		server.start();
	}

	public static FakeGitHub start() {
		try {
			return new FakeGitHub();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server root, such as {@code http://127.0.0.1:54321}; the APIs are under {@code /api}. */
	public URI baseUrl() {
		return baseUrl;
	}

	/** The repository, added when new (with its organisation, on branch {@code main}). */
	public FakeGiteaRepo repo(String org, String name) {
		synchronized (state.lock) {
			state.orgs.putIfAbsent(FakeGiteaState.key(org), new LinkedHashMap<>());
			return state.org(org).computeIfAbsent(FakeGiteaState.key(name),
					(key) -> new FakeGiteaRepo(state.lock, org, name, state.nextId++));
		}
	}

	/** Deletes the repository, with its issues, labels and comments. */
	public FakeGitHub deleteRepo(String org, String name) {
		synchronized (state.lock) {
			if (state.org(org) != null) {
				state.org(org).remove(FakeGiteaState.key(name));
			}
			state.issues.remove(FakeGiteaState.key(org + "/" + name));
		}
		return this;
	}

	/** The issues, comments and labels of a repository (created empty when new). */
	public FakeIssues issues(String owner, String repo) {
		synchronized (state.lock) {
			return state.issues(owner, repo);
		}
	}

	/**
	 * Private repositories, draft releases and GraphQL need {@code Authorization: Bearer <T>} (or
	 * {@code token <T>}); any other token is answered 401 "Bad credentials".
	 */
	public FakeGitHub requireToken(String token) {
		synchronized (state.lock) {
			state.token = token;
		}
		return this;
	}

	/** The token may read but not write: refs, commits and pull requests are refused (403, a GraphQL FORBIDDEN). */
	public FakeGitHub readOnlyToken() {
		synchronized (state.lock) {
			state.readOnly = true;
		}
		return this;
	}

	/** How many commits were made through {@code createCommitOnBranch}. */
	public int commits() {
		synchronized (state.lock) {
			return state.commits;
		}
	}

	/**
	 * The next {@code times} matching requests hit the primary rate limit: 403 with
	 * {@code x-ratelimit-remaining: 0} and a reset {@code resetIn} from now (HTTP 200 with a
	 * {@code RATE_LIMITED} error for GraphQL, as GitHub does).
	 */
	public FakeGitHub primaryRateLimit(String pathRegex, int times, Duration resetIn) {
		limits.add(Pattern.compile(pathRegex), times, resetIn, null);
		return this;
	}

	/** The next {@code times} matching requests hit a secondary rate limit: 403 with {@code retry-after}. */
	public FakeGitHub secondaryRateLimit(String pathRegex, int times, Duration retryAfter) {
		limits.add(Pattern.compile(pathRegex), times, null, retryAfter);
		return this;
	}

	/**
	 * The next {@code times} GraphQL requests hit a secondary rate limit the way GraphQL may report it:
	 * HTTP 200, {@code x-ratelimit-remaining} well above 0, a {@code RATE_LIMITED} error and no data;
	 * {@code retry-after} only when {@code retryAfter} is not {@code null}.
	 */
	public FakeGitHub graphqlSecondaryRateLimit(int times, Duration retryAfter) {
		limits.addGraphqlOk(Pattern.compile("POST /api/graphql"), times, retryAfter);
		return this;
	}

	/**
	 * The next {@code times} file batches that ask for this repository answer it {@code null} ({@code absent}:
	 * leave it out of {@code data}) beside an error without a {@code path}, as GitHub does when part of a
	 * query times out; the other repositories of the batch are answered in full.
	 */
	public FakeGitHub dropFromGraphQl(String org, String repo, int times, boolean absent) {
		graphqlFaults.drop(org, repo, times, absent);
		return this;
	}

	/** A file batch of more than {@code repos} repositories fails as a whole (no data), as too large a query does. */
	public FakeGitHub graphqlMaxRepos(int repos) {
		graphqlFaults.maxRepos(repos);
		return this;
	}

	/** The repository names each GraphQL file batch asked for, in order (cleared with the faults). */
	public List<List<String>> graphqlBatches() {
		return graphqlFaults.batches();
	}

	/** Every matching request is answered {@code status} with a JSON error. */
	public FakeGitHub failAlways(String pathRegex, int status) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.FAIL, status, null, null, null, -1);
		return this;
	}

	/** The next {@code times} matching requests are answered {@code status}. */
	public FakeGitHub failTimes(String pathRegex, int status, int times) {
		faults.add(pathRegex, FakeGiteaFaults.Kind.FAIL, status, null, null, null, times);
		return this;
	}

	/**
	 * GraphQL's {@code object(expression: "HEAD:<path>")} of this repository resolves to nothing while the
	 * root tree still lists the path: a lie for the tests that the scan must not believe.
	 */
	public FakeGitHub hideFromGraphQl(String org, String repo, String path) {
		synchronized (state.lock) {
			state.graphqlHidden.add(FakeGiteaState.key(org + "/" + repo) + ":" + path);
		}
		return this;
	}

	public FakeGitHub clearFaults() {
		faults.clear();
		limits.clear();
		graphqlFaults.clear();
		synchronized (state.lock) {
			state.graphqlHidden.clear();
		}
		return this;
	}

	public List<FakeGitea.Request> requests() {
		return List.copyOf(requests);
	}

	/** The requests whose method and decoded {@code path?query} contain a match of {@code regex}, such as {@code "POST .*graphql"}. */
	public List<FakeGitea.Request> requests(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return requests.stream().filter((request) -> pattern.matcher(decoded(request)).find()).toList();
	}

	/** Every answered request so far, with both bodies, in the order answered. */
	public List<FakeGitea.Exchange> exchanges() {
		return List.copyOf(exchanges);
	}

	public FakeGitHub clearRequests() {
		requests.clear();
		exchanges.clear();
		return this;
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	static String decoded(FakeGitea.Request request) {
		int q = request.target().indexOf('?');
		String query = (q < 0) ? "" : "?" + URLDecoder.decode(request.target().substring(q + 1),
				StandardCharsets.UTF_8);
		return request.method() + " " + request.path() + query;
	}

	/** Shorthand for {@code repo(org, repo).tag(tagName, date)}. */
	public FakeGitHub tag(String org, String repo, String tagName, Instant date) {
		repo(org, repo).tag(tagName, date);
		return this;
	}

	/** Shorthand for {@code repo(org, repo).release(...)}. */
	public FakeGitHub release(String org, String repo, String tagName, Instant publishedAt, boolean draft,
			boolean prerelease) {
		repo(org, repo).release(tagName, publishedAt, draft, prerelease);
		return this;
	}
}
