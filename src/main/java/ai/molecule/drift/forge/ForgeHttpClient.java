package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.DriftProperties;

/**
 * The forge HTTP layer shared by the forge clients: requests with retries, back-off and the forge's
 * rate limits, JSON reading, and errors that name the method and path (never the full URL, never the
 * token).
 */
final class ForgeHttpClient {

	/**
	 * JSON values one answer may hold (a forge's largest page holds tens of thousands): within the body
	 * size limit, a few MB of {@code [{},{},...]} would still become a tree dozens of times its size.
	 */
	static final int MAX_JSON_TOKENS = 250_000;

	private final ForgeSender sender;

	private final Origin origin;

	private final String token;

	private final TokenMask mask;

	private final JsonMapper mapper;

	/** A Gitea-style client: {@code authScheme} and {@code userAgent}, JSON, no rate limits. */
	ForgeHttpClient(URI baseUrl, DriftProperties.Forge settings, String authScheme, String userAgent, JsonMapper mapper,
			Sleeper sleeper) {
		this(baseUrl, settings, new ForgeDialect(authScheme, ForgeDialect.gitea(userAgent).headers(),
				RateLimitPolicy.NONE, Duration.ZERO), mapper, sleeper);
	}

	/**
	 * @param baseUrl the forge's address; its origin is the only one that receives the token
	 * @param settings timeouts, attempts, back-off and the token
	 * @param dialect authorization scheme, headers and rate limits of the forge
	 * @param mapper reads the answers; unknown fields and nulls for primitives are tolerated
	 * @param sleeper waits between attempts
	 */
	ForgeHttpClient(URI baseUrl, DriftProperties.Forge settings, ForgeDialect dialect, JsonMapper mapper,
			Sleeper sleeper) {
		this.origin = Origin.of(baseUrl);
		this.token = settings.hasToken() ? checkedToken(settings.token()) : null;
		this.mask = new TokenMask(token);
		ForgeTransport transport = new ForgeTransport(origin,
				(token != null) ? dialect.authScheme() + " " + token : null, dialect.headers(),
				orDefault(settings.connectTimeout(), Duration.ofSeconds(10)),
				orDefault(settings.requestTimeout(), Duration.ofSeconds(30)), settings.requestDeadline(),
				settings.maxBodySize());
		RetryPolicy retry = new RetryPolicy(settings.maxAttempts(), settings.retryBaseDelay(), settings.retryMaxDelay());
		this.sender = new ForgeSender(transport, retry, dialect, sleeper, this::redact);
		// Forges add fields over time; a new one must not break a nightly run.
		this.mapper = mapper.rebuild()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
	}

	/** The origin trusted with the token. */
	Origin origin() {
		return origin;
	}

	/** Whether requests carry a token (GitHub's GraphQL API needs one). */
	boolean hasToken() {
		return token != null;
	}

	/**
	 * The final answer for {@code uri}, whatever its status, once redirects are followed and
	 * retryable failures retried; a {@link ForgeException} when attempts run out.
	 */
	ForgeResponse get(URI uri) {
		return send(ForgeRequest.get(uri));
	}

	/**
	 * The final answer, whatever its status, once redirects are followed (GET only), rate limits waited
	 * out and retryable failures retried (idempotent requests only); a {@link ForgeException} when
	 * attempts or the rate-limit ceiling run out.
	 */
	ForgeResponse send(ForgeRequest request) {
		return sender.send(request);
	}

	/** The success body as JSON, or empty on 404; any other answer is a {@link ForgeException}. */
	Optional<JsonNode> getJson(URI uri) {
		ForgeResponse response = get(uri);
		if (response.isNotFound()) {
			return Optional.empty();
		}
		if (!response.isSuccess()) {
			throw statusError(response);
		}
		return Optional.of(json(response));
	}

	/** Sends {@code body} as JSON with a method that changes something; the success answer as JSON. */
	JsonNode write(String method, URI uri, Object body) {
		ForgeResponse response = send(ForgeRequest.write(method, uri, mapper.writeValueAsBytes(body)));
		if (!response.isSuccess()) {
			throw statusError(response);
		}
		return (response.body().length == 0) ? mapper.nullNode() : json(response);
	}

	/** The body as JSON; a page that is not JSON (a proxy's HTML error page, a cut-off body) is a clear error. */
	JsonNode json(ForgeResponse response) {
		String what = describe(response);
		String type = response.header("Content-Type").orElse("");
		if (type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
			throw failure(what + ": expected JSON but got an HTML page (HTTP " + response.status()
					+ "); is a proxy or a login page in front of the forge?");
		}
		try {
			checkTokenCount(response.body(), what);
			return mapper.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw failure(what + ": the response is not valid JSON (HTTP " + response.status() + ", "
					+ response.body().length + " bytes; truncated or not JSON): " + firstLine(redact(ex.getOriginalMessage())));
		}
	}

	private void checkTokenCount(byte[] body, String what) {
		try (JsonParser parser = mapper.createParser(body)) {
			int tokens = 0;
			while (parser.nextToken() != null) {
				if (++tokens > MAX_JSON_TOKENS) {
					throw failure(what + ": the answer holds more than " + MAX_JSON_TOKENS
							+ " JSON values, far more than any forge answer; not read");
				}
			}
		}
	}

	/** One JSON value as a payload record; a value of the wrong shape is an error naming the request. */
	<T> T read(JsonNode node, Class<T> type, URI uri) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw failure(describe(uri) + ": expected a " + type.getSimpleName() + " but the response holds null");
		}
		try {
			return mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw failure(describe(uri) + ": unexpected JSON for " + type.getSimpleName() + ": "
					+ firstLine(redact(ex.getOriginalMessage())));
		}
	}

	/** Serialises a request parameter such as Gitea's {@code body={"files":[...]}}. */
	String toJson(Object value) {
		return mapper.writeValueAsString(value);
	}

	/**
	 * A non-success answer as an error, with a hint for the statuses an operator can fix and, for a
	 * request that changes something, the forge's own explanation (GitHub's "body is too long").
	 */
	ForgeException statusError(ForgeResponse response) {
		String hint = switch (response.status()) {
			case 401 -> " (the token is missing, invalid or expired)";
			case 403 -> " (the token lacks access to this resource)";
			default -> "";
		};
		String detail = response.method().equals("GET") ? "" : ForgeErrors.explanation(mapper, response, this::redact);
		return failure(describe(response) + ": HTTP " + response.status() + hint + detail);
	}

	/** A {@link ForgeException} whose message is scrubbed of the token, whatever built it. */
	ForgeException failure(String message) {
		return new ForgeException(redact(message));
	}

	/** How GET requests are named in messages: method and path, without the query or the host. */
	static String describe(URI uri) {
		return describe("GET", uri);
	}

	static String describe(String method, URI uri) {
		return method + " " + uri.getPath();
	}

	static String describe(ForgeResponse response) {
		return describe(response.method(), response.uri());
	}

	/** The token, and any long run of its characters, masked: before any cut, so no cut can keep most of it. */
	String redact(String message) {
		return mask.mask(message);
	}

	static String firstLine(String message) {
		String line = (message != null) ? message.lines().findFirst().orElse("") : "";
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	/** Surrounding whitespace is stripped (mounted secrets often end in a newline); whitespace inside is a mistake. */
	private static String checkedToken(String token) {
		String stripped = token.strip();
		if (stripped.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new IllegalArgumentException("drift.forge.token contains whitespace or control characters");
		}
		return stripped;
	}

	private static Duration orDefault(Duration value, Duration fallback) {
		return (value == null || value.isZero() || value.isNegative()) ? fallback : value;
	}
}
