package ai.molecule.drift.forge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One final forge answer (after redirects and retries).
 *
 * @param method the HTTP method of the request
 * @param uri the URL that produced it (the last one, when redirects were followed)
 * @param status the HTTP status
 * @param headers the response headers: the first value of each, by case-insensitive name
 * @param body the raw body
 */
record ForgeResponse(String method, URI uri, int status, Map<String, String> headers, byte[] body) {

	ForgeResponse {
		Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach(byName::putIfAbsent);
		headers = Collections.unmodifiableMap(byName);
	}

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	boolean isNotFound() {
		return status == 404;
	}

	Optional<String> header(String name) {
		return Optional.ofNullable(headers.get(name));
	}

	String text() {
		return new String(body, StandardCharsets.UTF_8);
	}
}
