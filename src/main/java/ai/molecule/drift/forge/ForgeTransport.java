package ai.molecule.drift.forge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one request and, for a GET, follows its redirects by hand within the same origin, adding the
 * {@code Authorization} header only for the trusted origin. Other methods never follow a redirect:
 * their answer is returned as it is, and the caller treats it as a failure.
 * <p>
 * A redirect to another origin is refused rather than followed without the token: an anonymous
 * answer from elsewhere (typically a 404 for a private repository) would read as "no pin" and turn
 * an unknown into a quiet "clean". The fix is to point the base URL at the final address.
 */
final class ForgeTransport {

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient http;

	private final Origin trusted;

	private final String authorization;

	private final Map<String, String> headers;

	private final Duration requestTimeout;

	/**
	 * @param trusted the only origin that receives {@code authorization}
	 * @param authorization the full header value, or {@code null} for anonymous access
	 * @param headers sent with every request ({@code User-Agent}, {@code Accept}, ...)
	 * @param connectTimeout time allowed to open a connection
	 * @param requestTimeout time allowed for one response
	 */
	ForgeTransport(Origin trusted, String authorization, Map<String, String> headers, Duration connectTimeout,
			Duration requestTimeout) {
		this.trusted = trusted;
		this.authorization = authorization;
		this.headers = Map.copyOf(headers);
		this.requestTimeout = requestTimeout;
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			// HTTP/1.1 on purpose: no h2c upgrade dance that some reverse proxies mishandle.
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** The answer of a GET once same-origin redirects are followed; a refused redirect is a {@link ForgeException}. */
	ForgeResponse get(URI first) throws IOException {
		return send(ForgeRequest.get(first));
	}

	/** The answer (for a GET, once same-origin redirects are followed); a refused redirect is a {@link ForgeException}. */
	ForgeResponse send(ForgeRequest request) throws IOException {
		URI first = request.uri();
		URI uri = first;
		for (int hop = 0;; hop++) {
			ForgeResponse response = sendOnce(request, uri);
			Optional<String> location = response.header("Location");
			if (!request.method().equals("GET") || !isRedirect(response.status()) || location.isEmpty()) {
				return response;
			}
			URI target = resolve(uri, location.get());
			if (!Origin.of(target).equals(Origin.of(first))) {
				throw new ForgeException(ForgeHttpClient.describe(first) + ": HTTP " + response.status()
						+ " redirect to another host (" + Origin.of(target) + ") refused; the token is only sent to "
						+ trusted + ". Set the forge base URL to the final address.");
			}
			if (hop >= MAX_REDIRECTS) {
				throw new ForgeException(
						ForgeHttpClient.describe(first) + ": more than " + MAX_REDIRECTS + " redirects");
			}
			uri = target;
		}
	}

	private ForgeResponse sendOnce(ForgeRequest forgeRequest, URI uri) throws IOException {
		HttpRequest.BodyPublisher body = (forgeRequest.body() != null)
				? HttpRequest.BodyPublishers.ofByteArray(forgeRequest.body()) : HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(forgeRequest.method(), body)
			.timeout(requestTimeout);
		headers.forEach(request::setHeader);
		forgeRequest.headers().forEach(request::setHeader);
		if (forgeRequest.body() != null) {
			request.setHeader("Content-Type", "application/json");
		}
		if (authorization != null && Origin.of(uri).equals(trusted)) {
			request.setHeader("Authorization", authorization);
		}
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new ForgeResponse(forgeRequest.method(), uri, response.statusCode(), response.headers(),
					response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ForgeException(ForgeHttpClient.describe(forgeRequest.method(), uri) + ": interrupted");
		}
	}

	private static URI resolve(URI current, String location) {
		try {
			return ForgeUrls.resolve(current, location.trim());
		}
		catch (URISyntaxException ex) {
			throw new ForgeException(ForgeHttpClient.describe(current) + ": redirect with an invalid Location header");
		}
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}
}
