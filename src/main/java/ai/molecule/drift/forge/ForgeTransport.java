package ai.molecule.drift.forge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.DriftProperties;

/**
 * Sends one request and, for a GET, follows its redirects by hand within the same origin, adding the
 * {@code Authorization} header only for the trusted origin. Other methods never follow a redirect:
 * their answer is returned as it is, and the caller treats it as a failure.
 * <p>
 * A redirect to another origin is refused rather than followed without the token: an anonymous
 * answer from elsewhere (typically a 404 for a private repository) would read as "no pin" and turn
 * an unknown into a quiet "clean". The fix is to point the base URL at the final address.
 * <p>
 * Blocking HTTP/1.1 (Apache HttpClient, classic API) on the caller's thread, over a pool of
 * keep-alive connections; the client itself neither retries, nor follows redirects, nor keeps
 * cookies: {@link ForgeSender} and this class decide those. Every exchange is held to a total deadline
 * and its body to a size limit by kind of request ({@link BoundedExchange}); both end the request with
 * a {@link ForgeException}, which is not retried.
 */
final class ForgeTransport {

	private static final Logger log = LoggerFactory.getLogger(ForgeTransport.class);

	private static final int MAX_REDIRECTS = 5;

	/** More than the scan's threads plus the page read-ahead ever ask for at once. */
	private static final int MAX_CONNECTIONS = 64;

	private final CloseableHttpClient http;

	private final Origin trusted;

	private final String authorization;

	private final Map<String, String> headers;

	private final Duration deadline;

	private final DriftProperties.BodyLimits limits;

	/**
	 * @param trusted the only origin that receives {@code authorization}
	 * @param authorization the full header value, or {@code null} for anonymous access
	 * @param headers sent with every request ({@code User-Agent}, {@code Accept}, ...)
	 * @param connectTimeout time allowed to open a connection
	 * @param requestTimeout time allowed for the answer to begin, and between two packets of it
	 * @param deadline time allowed for one exchange, from connecting to the body's last byte
	 * @param limits most bytes of a body, after decompression, by kind of request
	 */
	ForgeTransport(Origin trusted, String authorization, Map<String, String> headers, Duration connectTimeout,
			Duration requestTimeout, Duration deadline, DriftProperties.BodyLimits limits) {
		this.trusted = trusted;
		this.authorization = authorization;
		this.headers = Map.copyOf(headers);
		this.deadline = deadline;
		this.limits = limits;
		ConnectionConfig connections = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(connectTimeout))
			.setSocketTimeout(Timeout.of(requestTimeout))
			// A connection idle this long is checked before reuse: the forge may have closed it.
			.setValidateAfterInactivity(TimeValue.ofSeconds(1))
			.build();
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(connections)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.setMaxConnTotal(MAX_CONNECTIONS)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(requestTimeout)).build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
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
		HttpUriRequestBase request = new HttpUriRequestBase(forgeRequest.method(), uri);
		headers.forEach(request::setHeader);
		forgeRequest.headers().forEach(request::setHeader);
		if (forgeRequest.body() != null) {
			request.setEntity(new ByteArrayEntity(forgeRequest.body(), ContentType.APPLICATION_JSON));
		}
		if (authorization != null && Origin.of(uri).equals(trusted)) {
			request.setHeader("Authorization", authorization);
		}
		BoundedExchange exchange = BoundedExchange.start(request, deadline);
		try {
			return http.execute(request, (response) -> {
				Map<String, String> responseHeaders = new LinkedHashMap<>();
				for (Header header : response.getHeaders()) {
					responseHeaders.putIfAbsent(header.getName(), header.getValue());
				}
				byte[] body;
				try {
					body = exchange.body(response.getEntity(), limit(forgeRequest.kind()));
				}
				catch (IOException | RuntimeException ex) {
					exchange.abort();
					throw ex;
				}
				return new ForgeResponse(forgeRequest.method(), uri, response.getCode(), responseHeaders, body);
			});
		}
		catch (BoundedExchange.BodyTooLargeException ex) {
			throw new ForgeException(ForgeHttpClient.describe(forgeRequest.method(), uri) + ": the answer is larger than "
					+ limit(forgeRequest.kind()) + " bytes" + ((ex.declared() > 0) ? " (" + ex.declared() + " declared)" : "")
					+ " once decompressed, the limit of " + forgeRequest.kind().setting() + "; not read further");
		}
		catch (IOException ex) {
			if (!exchange.expired()) {
				throw ex;
			}
			String what = ForgeHttpClient.describe(forgeRequest.method(), uri);
			log.warn("{}: no complete answer within {} ms (drift.forge.request-deadline); abandoned, not retried", what,
					deadline.toMillis());
			throw new ForgeException(what + ": timed out: no complete answer within " + deadline.toMillis()
					+ " ms (drift.forge.request-deadline); abandoned, not retried");
		}
		finally {
			exchange.finish();
		}
	}

	private long limit(ForgeRequest.Kind kind) {
		return switch (kind) {
			case PAGE -> limits.page().toBytes();
			case FILE -> limits.file().toBytes();
			case GRAPHQL -> limits.graphql().toBytes();
		};
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
