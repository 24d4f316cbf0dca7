package ai.molecule.drift.forge;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One final forge answer (after redirects and retries).
 *
 * @param method the HTTP method of the request
 * @param uri the URL that produced it (the last one, when redirects were followed)
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the raw body
 */
record ForgeResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	boolean isNotFound() {
		return status == 404;
	}

	Optional<String> header(String name) {
		return headers.firstValue(name);
	}

	String text() {
		return new String(body, StandardCharsets.UTF_8);
	}
}
