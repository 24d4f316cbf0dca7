package ai.molecule.drift.forge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Sends GraphQL queries to GitHub. An answer with HTTP 200 may still carry errors (GitHub reports a
 * missing repository, a timeout, and even a rate limit, that way), so every answer comes back with its
 * {@code errors} for the caller to judge; partial {@code data} is never taken for complete. Rate limits
 * are waited out below this, by {@link GitHubRateLimits}, and the same query is sent again.
 */
final class GitHubGraphQl {

	private final URI endpoint;

	private final ForgeHttpClient http;

	GitHubGraphQl(URI endpoint, ForgeHttpClient http) {
		this.endpoint = endpoint;
		this.http = http;
	}

	/** The answer to one query; a non-2xx answer or a body that is no GraphQL answer is a {@link ForgeException}. */
	Result query(String query, Map<String, Object> variables) {
		byte[] body = http.toJson(Map.of("query", query, "variables", variables)).getBytes(StandardCharsets.UTF_8);
		return answer(http.send(ForgeRequest.query(endpoint, body)));
	}

	/** A mutation: sent as a write, never repeated after a failed attempt (it may have been carried out). */
	Result mutate(String mutation, Map<String, Object> variables) {
		byte[] body = http.toJson(Map.of("query", mutation, "variables", variables)).getBytes(StandardCharsets.UTF_8);
		return answer(http.send(ForgeRequest.write("POST", endpoint, body)));
	}

	private Result answer(ForgeResponse response) {
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		JsonNode root = http.json(response);
		if (!root.isObject() || (!root.has("data") && !root.has("errors"))) {
			throw http.failure(ForgeHttpClient.describe(response) + ": the answer is no GraphQL response");
		}
		List<Error> errors = new ArrayList<>();
		for (JsonNode error : root.path("errors").values()) {
			JsonNode path = error.path("path");
			errors.add(new Error(error.path("type").asString(""), error.path("message").asString("no message"),
					path.isArray() && !path.isEmpty() ? path.get(0).asString("") : ""));
		}
		return new Result(root.path("data"), errors, ForgeHttpClient.describe(response));
	}

	/**
	 * One GraphQL error.
	 *
	 * @param type such as {@code NOT_FOUND} or {@code RATE_LIMITED}; empty when GitHub gave none
	 * @param message GitHub's sentence
	 * @param alias the top-level field the error belongs to; empty for an error of the whole query
	 */
	record Error(String type, String message, String alias) {

		@Override
		public String toString() {
			return (type.isEmpty() ? "" : type + ": ") + message;
		}
	}

	/**
	 * One answer.
	 *
	 * @param data the {@code data} object (missing when the query failed as a whole)
	 * @param errors every error, in order
	 * @param request the request, for messages
	 */
	record Result(JsonNode data, List<Error> errors, String request) {

		/** The errors whose path starts at this top-level field: its own, whatever became of the rest. */
		List<Error> errorsAt(String alias) {
			return errors.stream().filter((e) -> e.alias().equals(alias)).toList();
		}

		/**
		 * The errors of the whole query (no {@code path}): GitHub gives them for timeouts and resource
		 * limits, with the fields it did resolve still in {@code data}; what it did not is null or absent.
		 */
		List<Error> queryErrors() {
			return errorsAt("");
		}

		/** Fails unless the answer is complete. */
		Result requireComplete(ForgeHttpClient http) {
			if (!errors.isEmpty() || data.isMissingNode() || data.isNull()) {
				throw http.failure(request + ": GraphQL error" + (errors.size() > 1 ? "s" : "") + ": "
						+ (errors.isEmpty() ? "no data" : String.join("; ", errors.stream().map(Error::toString).toList())));
			}
			return this;
		}
	}
}
