package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a forge says about a refused request: {@code message}, plus GitHub's {@code errors[].message}
 * (where "body is too long (maximum is 65536 characters)" lives), with the token masked and then cut to
 * a readable length (in that order: a cut token cannot be recognised as a whole).
 */
final class ForgeErrors {

	private static final int MAX_LENGTH = 300;

	private ForgeErrors() {
	}

	/** {@code ": message (detail; detail)"}, or empty when the body holds no readable explanation. */
	static String explanation(JsonMapper mapper, ForgeResponse response, UnaryOperator<String> redact) {
		JsonNode body;
		try {
			body = mapper.readTree(response.body());
		}
		catch (JacksonException ex) {
			return "";
		}
		if (body == null || !body.isObject()) {
			return "";
		}
		List<String> details = new ArrayList<>();
		for (JsonNode error : body.path("errors").values()) {
			String text = error.isString() ? error.asString() : error.path("message").asString("");
			if (!text.isBlank()) {
				details.add(text);
			}
		}
		String message = body.path("message").asString("");
		String text = message + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
		text = ForgeHttpClient.firstLine(redact.apply(text).strip());
		if (text.isEmpty()) {
			return "";
		}
		return ": " + ((text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text);
	}
}
