package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Records each request of a {@link FakeGitea}, applies the injected faults, and lets the API answer. */
final class FakeGiteaHandler implements HttpHandler {

	private final FakeGiteaState state;

	private final FakeGiteaFaults faults;

	private final Queue<FakeGitea.Request> log;

	private final Queue<FakeGitea.Exchange> exchanges;

	private final FakeGiteaApi api;

	/** Answers to GETs by target and authorization, once the state is frozen. */
	private final Map<List<String>, FakeGiteaResponse> frozenAnswers = new ConcurrentHashMap<>();

	FakeGiteaHandler(FakeGiteaState state, FakeGiteaFaults faults, Queue<FakeGitea.Request> log,
			Queue<FakeGitea.Exchange> exchanges, FakeGiteaApi api) {
		this.state = state;
		this.faults = faults;
		this.log = log;
		this.exchanges = exchanges;
		this.api = api;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String target = uri.getPath() + ((uri.getRawQuery() != null) ? "?" + uri.getQuery() : "");
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
			byte[] body = exchange.getRequestBody().readAllBytes();
			String rawTarget = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			FakeGitea.Request request = new FakeGitea.Request(exchange.getRequestMethod(), rawTarget, uri.getPath(),
					headers);
			log.add(request);
			Optional<FakeGiteaFaults.Rule> delay = faults.claim(target, FakeGiteaFaults.Kind.DELAY);
			if (delay.isPresent()) {
				sleep(delay.get());
			}
			if (faults.claim(target, FakeGiteaFaults.Kind.HOLD).isPresent()) {
				faults.awaitRelease();
			}
			Optional<FakeGiteaFaults.Rule> fault = faults.claim(target, FakeGiteaFaults.Kind.FAIL,
					FakeGiteaFaults.Kind.HTML, FakeGiteaFaults.Kind.DROP, FakeGiteaFaults.Kind.REDIRECT);
			if (fault.isPresent() && fault.get().kind() == FakeGiteaFaults.Kind.DROP) {
				// Closing without an answer: the client sees the connection end mid-exchange.
				return;
			}
			FakeGiteaResponse response = fault.map(this::faulty).orElseGet(() -> normal(exchange, uri, headers, body));
			faults.claimAll(target, FakeGiteaFaults.Kind.HEADER).forEach((rule) -> {
				if (rule.value() != null) {
					response.header(rule.name(), rule.value());
				}
				else {
					response.headers().remove(rule.name());
				}
			});
			byte[] bytes = response.body();
			if (faults.claim(target, FakeGiteaFaults.Kind.TRUNCATE).isPresent()) {
				bytes = Arrays.copyOf(bytes, bytes.length / 2);
			}
			exchanges.add(new FakeGitea.Exchange(request, body, response.status(),
					response.headers().get("Content-Type"), bytes));
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(response.status(), (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
		catch (IOException ex) {
			// The client gave up (a timeout under test); nothing to answer.
		}
	}

	private FakeGiteaResponse faulty(FakeGiteaFaults.Rule rule) {
		synchronized (state.lock) {
			return switch (rule.kind()) {
				case HTML -> FakeGiteaResponse.html(200, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title>"
						+ "</head><body><h1>Bad Gateway</h1></body></html>");
				case REDIRECT -> FakeGiteaResponse.html(rule.status(), "").header("Location", rule.value());
				default -> {
					FakeGiteaResponse failure = FakeGiteaResponse.error(api.mapper(), rule.status(), "injected failure",
							api.baseUrl());
					yield (rule.value() != null) ? failure.header("Retry-After", rule.value()) : failure;
				}
			};
		}
	}

	private FakeGiteaResponse normal(HttpExchange exchange, URI uri, Map<String, String> headers, byte[] body) {
		if (!frozen()) {
			return answer(exchange, uri, headers, body);
		}
		if (!exchange.getRequestMethod().equals("GET")) {
			frozenAnswers.clear();
			return answer(exchange, uri, headers, body);
		}
		List<String> key = Arrays.asList(uri.getRawPath(), uri.getRawQuery(), headers.get("authorization"));
		FakeGiteaResponse answer = frozenAnswers.computeIfAbsent(key, (k) -> answer(exchange, uri, headers, body));
		// A copy: faults may rewrite the headers of this one answer.
		return new FakeGiteaResponse(answer.status(), new LinkedHashMap<>(answer.headers()), answer.body());
	}

	private boolean frozen() {
		synchronized (state.lock) {
			return state.frozen;
		}
	}

	private FakeGiteaResponse answer(HttpExchange exchange, URI uri, Map<String, String> headers, byte[] body) {
		List<String> segments = FakeRequestTarget.segments(uri.getRawPath());
		synchronized (state.lock) {
			if (segments.size() < 2 || !segments.get(0).equals("api") || !segments.get(1).equals("v1")) {
				return FakeGiteaResponse.html(404, "<html><body>Not found</body></html>");
			}
			Boolean authenticated = state.authenticated(headers.get("authorization"));
			if (authenticated == null) {
				return FakeGiteaResponse.error(api.mapper(), 401, "invalid username, password or token", api.baseUrl());
			}
			return api.answer(new FakeGiteaApi.Call(exchange.getRequestMethod(), segments.subList(2, segments.size()),
					FakeRequestTarget.query(uri.getRawQuery()), uri.getRawPath(), authenticated, body));
		}
	}

	private static void sleep(FakeGiteaFaults.Rule rule) {
		try {
			Thread.sleep(rule.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
