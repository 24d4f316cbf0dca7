package ai.molecule.drift.forge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One forge request.
 *
 * @param method {@code GET}, {@code POST} or {@code PATCH}
 * @param uri the URL
 * @param headers headers of this request only, on top of the client's own (an {@code Accept} override, say)
 * @param body a JSON body, or {@code null}
 * @param idempotent whether sending it twice does no harm, so that a 5xx or a dropped connection may be
 *     retried; a create that timed out may have been applied, and retrying it could make a duplicate
 * @param kind what the answer is, which decides how large its body may be
 */
record ForgeRequest(String method, URI uri, Map<String, String> headers, byte[] body, boolean idempotent, Kind kind) {

	ForgeRequest {
		headers = Map.copyOf(headers);
	}

	/** A GET of one file, repository or other single answer. */
	static ForgeRequest get(URI uri) {
		return new ForgeRequest("GET", uri, Map.of(), null, true, Kind.FILE);
	}

	/** A GET of one page of a list. */
	static ForgeRequest page(URI uri) {
		return new ForgeRequest("GET", uri, Map.of(), null, true, Kind.PAGE);
	}

	/** A POST that only reads (a GraphQL query): safe to retry. */
	static ForgeRequest query(URI uri, byte[] body) {
		return new ForgeRequest("POST", uri, Map.of(), body, true, Kind.GRAPHQL);
	}

	/** A POST or PATCH that changes something: retried only when the forge said it did not process it. */
	static ForgeRequest write(String method, URI uri, byte[] body) {
		return new ForgeRequest(method, uri, Map.of(), body, false, Kind.FILE);
	}

	ForgeRequest withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new ForgeRequest(method, uri, more, body, idempotent, kind);
	}

	/** Kinds of answer, each with its own body size limit ({@code drift.forge.max-body-size.<setting>}). */
	enum Kind {

		PAGE("page"), FILE("file"), GRAPHQL("graphql");

		private final String setting;

		Kind(String setting) {
			this.setting = setting;
		}

		/** The name of its limit's setting. */
		String setting() {
			return "drift.forge.max-body-size." + setting;
		}
	}
}
