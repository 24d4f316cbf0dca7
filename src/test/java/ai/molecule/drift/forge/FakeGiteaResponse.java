package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of a {@link FakeGitea}, before the faults that rewrite answers are applied.
 *
 * @param status the HTTP status
 * @param headers response headers (mutable, so that faults can replace them)
 * @param body the body
 */
record FakeGiteaResponse(int status, Map<String, String> headers, byte[] body) {

	static FakeGiteaResponse json(JsonMapper mapper, int status, Object value) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json;charset=utf-8");
		return new FakeGiteaResponse(status, headers, mapper.writeValueAsBytes(value));
	}

	/** Gitea's {@code APIError} shape: {@code {"message": ..., "url": <swagger>}}. */
	static FakeGiteaResponse error(JsonMapper mapper, int status, String message, String baseUrl) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", null);
		body.put("message", message);
		body.put("url", baseUrl + "/api/swagger");
		return json(mapper, status, body);
	}

	static FakeGiteaResponse bytes(int status, String contentType, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", contentType);
		return new FakeGiteaResponse(status, headers, body);
	}

	static FakeGiteaResponse html(int status, String html) {
		return bytes(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
	}

	FakeGiteaResponse header(String name, String value) {
		headers.put(name, value);
		return this;
	}
}
