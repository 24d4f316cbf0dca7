package ai.molecule.drift.propose;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.lag.Version;

/**
 * Sets a template's runtime pins to a version, changing the version text only: line endings, a byte-order
 * mark, quotes, extras, comments and every other byte stay as they were. The bytes are handled as
 * ISO-8859-1, one character per byte, so that nothing is decoded or re-encoded on the way.
 */
public final class PinRewrite {

	public static final String PIN_FILE = ".runtime-version";

	public static final String DOCKERFILE = "Dockerfile";

	public static final String REQUIREMENTS = "requirements.txt";

	private static final Pattern PIN = Pattern.compile("^(\u00EF\u00BB\u00BF)?(\\s*)v?\\d+\\.\\d+\\.\\d+");

	// Each ARG line of every stage; a default that is a variable (${X}) is not a pin.
	private static final Pattern DOCKER_ARG = Pattern
		.compile("(?im)^([ \\t]*ARG[ \\t]+RUNTIME_VERSION[ \\t]*=[ \\t]*[\"']?)([^\\s\"'$]+)([\"']?[ \\t]*\\r?)$");

	// PEP 503 name, optional extras, "==": the version is what follows, up to a space, ';', '#' or ','.
	private static final Pattern REQUIREMENT = Pattern.compile(
			"(?im)^([ \\t]*molecule[-_.]+ai[-_.]+workspace[-_.]+runtime[ \\t]*(?:\\[[^\\]\\r\\n]*])?[ \\t]*==[ \\t]*)([^\\s;#,]+)");

	private PinRewrite() {
	}

	/**
	 * The files that change, by path, with their new bytes; a file that is absent ({@code null}) or would not
	 * change is left out.
	 */
	public static Map<String, byte[]> apply(Map<String, byte[]> files, Version target) {
		Map<String, byte[]> changed = new LinkedHashMap<>();
		pinFile(files.get(PIN_FILE), target).ifPresent((bytes) -> changed.put(PIN_FILE, bytes));
		replaceAll(DOCKER_ARG, files.get(DOCKERFILE), target).ifPresent((bytes) -> changed.put(DOCKERFILE, bytes));
		replaceAll(REQUIREMENT, files.get(REQUIREMENTS), target).ifPresent((bytes) -> changed.put(REQUIREMENTS, bytes));
		return changed;
	}

	static Optional<byte[]> pinFile(byte[] bytes, Version target) {
		if (bytes == null) {
			return Optional.empty();
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		Matcher matcher = PIN.matcher(text);
		String rewritten = matcher.find() ? text.substring(0, matcher.end(2)) + target + text.substring(matcher.end())
				: target + "\n";
		return changed(text, rewritten);
	}

	private static Optional<byte[]> replaceAll(Pattern pattern, byte[] bytes, Version target) {
		if (bytes == null) {
			return Optional.empty();
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		Matcher matcher = pattern.matcher(text);
		StringBuilder rewritten = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(rewritten, Matcher.quoteReplacement(text.substring(matcher.start(), matcher.start(2))
					+ target + text.substring(matcher.end(2), matcher.end())));
		}
		matcher.appendTail(rewritten);
		return changed(text, rewritten.toString());
	}

	private static Optional<byte[]> changed(String before, String after) {
		return before.equals(after) ? Optional.empty() : Optional.of(after.getBytes(StandardCharsets.ISO_8859_1));
	}
}
