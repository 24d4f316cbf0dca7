package ai.molecule.drift.propose;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.classify.RuntimePins;
import ai.molecule.drift.lag.Version;

/**
 * Sets a template's runtime pins to a version, changing the version text only: line endings, a byte-order
 * mark, quotes, extras, comments and every other byte stay as they were. The bytes are handled as
 * ISO-8859-1, one character per byte, so that nothing is decoded or re-encoded on the way.
 */
public final class PinRewrite {

	private static final Pattern PIN = Pattern.compile("^(\u00EF\u00BB\u00BF)?(\\s*)v?\\d+\\.\\d+\\.\\d+");

	private PinRewrite() {
	}

	/**
	 * The files that change, by path, with their new bytes; a file that is absent ({@code null}) or would not
	 * change is left out.
	 */
	public static Map<String, byte[]> apply(Map<String, byte[]> files, Version target) {
		Map<String, byte[]> changed = new LinkedHashMap<>();
		pinFile(files.get(RuntimePins.PIN_FILE), target)
			.ifPresent((bytes) -> changed.put(RuntimePins.PIN_FILE, bytes));
		replaceAll(RuntimePins.DOCKER_ARG, files.get(RuntimePins.DOCKERFILE), target)
			.ifPresent((bytes) -> changed.put(RuntimePins.DOCKERFILE, bytes));
		replaceAll(RuntimePins.REQUIREMENT, files.get(RuntimePins.REQUIREMENTS), target)
			.ifPresent((bytes) -> changed.put(RuntimePins.REQUIREMENTS, bytes));
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

	/** Every pin {@code pattern} finds set to {@code target}, the version's own characters only. */
	private static Optional<byte[]> replaceAll(Pattern pattern, byte[] bytes, Version target) {
		if (bytes == null) {
			return Optional.empty();
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		Matcher matcher = pattern.matcher(text);
		StringBuilder rewritten = new StringBuilder();
		int copied = 0;
		while (matcher.find()) {
			// A variable (${BASE}) is no pin: the scan does not read it as one either.
			if (!matcher.group(RuntimePins.VERSION).contains("$")) {
				rewritten.append(text, copied, matcher.start(RuntimePins.VERSION)).append(target);
				copied = matcher.end(RuntimePins.VERSION);
			}
		}
		rewritten.append(text, copied, text.length());
		return changed(text, rewritten.toString());
	}

	private static Optional<byte[]> changed(String before, String after) {
		return before.equals(after) ? Optional.empty() : Optional.of(after.getBytes(StandardCharsets.ISO_8859_1));
	}
}
