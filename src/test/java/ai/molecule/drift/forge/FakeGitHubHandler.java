package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records each request of a {@link FakeGitHub}, checks what GitHub checks first (a {@code User-Agent},
 * the token), applies rate limits and faults, routes to REST or GraphQL, and adds the rate-limit
 * headers GitHub sends with every answer.
 */
final class FakeGitHubHandler implements HttpHandler {

	static final String DOCS = "https://docs.github.com/rest";

	private final FakeGiteaState state;

	private final FakeGiteaFaults faults;

	private final FakeGitHubLimits limits;

	private final List<FakeGitea.Request> log;

	private final List<FakeGitea.Exchange> exchanges;

	private final JsonMapper mapper;

	private final FakeGitHubRest rest;

	private final FakeGitHubGraphQl graphql;

	private final AtomicInteger used = new AtomicInteger();

	FakeGitHubHandler(FakeGiteaState state, FakeGiteaFaults faults, FakeGitHubLimits limits,
			FakeGitHubGraphQlFaults graphqlFaults, List<FakeGitea.Request> log, List<FakeGitea.Exchange> exchanges,
			JsonMapper mapper, String baseUrl) {
		this.state = state;
		this.faults = faults;
		this.limits = limits;
		this.log = log;
		this.exchanges = exchanges;
		this.mapper = mapper;
		FakeGitHubPulls pulls = new FakeGitHubPulls(state, mapper, baseUrl);
		this.rest = new FakeGitHubRest(state, mapper, baseUrl, pulls);
		this.graphql = new FakeGitHubGraphQl(state, mapper, graphqlFaults, pulls);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
			byte[] body = exchange.getRequestBody().readAllBytes();
			String rawTarget = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			FakeGitea.Request request = new FakeGitea.Request(exchange.getRequestMethod(), rawTarget, uri.getPath(),
					headers);
			log.add(request);
			boolean isGraphql = uri.getPath().equals("/api/graphql");
			FakeGiteaResponse response = answer(request, uri, body, isGraphql);
			String resource = isGraphql ? "graphql" : "core";
			response.headers().putIfAbsent("x-ratelimit-limit", "5000");
			response.headers().putIfAbsent("x-ratelimit-remaining", Integer.toString(Math.max(1, 4999 - used.get())));
			response.headers().putIfAbsent("x-ratelimit-reset", Long.toString(Instant.now().getEpochSecond() + 3600));
			response.headers().putIfAbsent("x-ratelimit-used", Integer.toString(used.incrementAndGet()));
			response.headers().putIfAbsent("x-ratelimit-resource", resource);
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			byte[] bytes = response.body();
			exchanges.add(new FakeGitea.Exchange(request, body, response.status(), contentType(response), bytes));
			exchange.sendResponseHeaders(response.status(), (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
		catch (IOException ex) {
			// The client gave up; nothing to answer.
		}
	}

	private FakeGiteaResponse answer(FakeGitea.Request request, URI uri, byte[] body, boolean isGraphql) {
		if (request.header("User-Agent") == null || request.header("User-Agent").isBlank()) {
			return error(403, "Request forbidden by administrative rules. Please make sure your request has a "
					+ "User-Agent header");
		}
		String target = FakeGitHub.decoded(request);
		Optional<FakeGitHubLimits.Rule> limit = limits.claim(target);
		if (limit.isPresent()) {
			return rateLimited(limit.get(), isGraphql);
		}
		Optional<FakeGiteaFaults.Rule> fault = faults.claim(target, FakeGiteaFaults.Kind.FAIL);
		if (fault.isPresent()) {
			return error(fault.get().status(), "injected failure");
		}
		synchronized (state.lock) {
			Boolean authenticated = state.authenticated(request.header("Authorization"));
			if (authenticated == null) {
				return error(401, "Bad credentials");
			}
			List<String> segments = FakeRequestTarget.segments(uri.getRawPath());
			FakeGiteaApi.Call call = new FakeGiteaApi.Call(request.method(), segments.subList(Math.min(2,
					segments.size()), segments.size()), FakeRequestTarget.query(uri.getRawQuery()), uri.getRawPath(),
					authenticated, body);
			if (isGraphql) {
				return request.method().equals("POST") ? graphql.answer(call) : error(404, "Not Found");
			}
			if (segments.size() < 2 || !segments.get(0).equals("api") || !segments.get(1).equals("v3")) {
				return error(404, "Not Found");
			}
			return rest.answer(call, request);
		}
	}

	private FakeGiteaResponse rateLimited(FakeGitHubLimits.Rule rule, boolean isGraphql) {
		if (rule.graphqlOk() && isGraphql) {
			// GraphQL's way: HTTP 200, requests to spare, an error of the whole query, no data.
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("data", null);
			body.put("errors", List.of(Map.of("type", "RATE_LIMITED", "message", "You have exceeded a secondary rate "
					+ "limit. Please wait a few minutes before you try again.")));
			FakeGiteaResponse response = FakeGiteaResponse.json(mapper, 200, body).header("x-ratelimit-remaining", "4000");
			return (rule.retryAfter() == null) ? response
					: response.header("retry-after", Long.toString(rule.retryAfter().toSeconds()));
		}
		if (!rule.primary()) {
			return error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
				.header("retry-after", Long.toString(rule.retryAfter().toSeconds()))
				.header("x-ratelimit-remaining", "4000");
		}
		String reset = Long.toString(Instant.now().plus(rule.resetIn()).getEpochSecond());
		FakeGiteaResponse response = isGraphql
				? FakeGiteaResponse.json(mapper, 200, Map.of("errors",
						List.of(Map.of("type", "RATE_LIMITED", "message", "API rate limit exceeded for user ID 1."))))
				: error(403, "API rate limit exceeded for user ID 1.");
		return response.header("x-ratelimit-remaining", "0").header("x-ratelimit-reset", reset);
	}

	private static String contentType(FakeGiteaResponse response) {
		return response.headers().entrySet().stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("Content-Type"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private FakeGiteaResponse error(int status, String message) {
		return FakeGitHubRest.error(mapper, status, message);
	}
}
