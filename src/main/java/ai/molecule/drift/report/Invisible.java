package ai.molecule.drift.report;

/**
 * Drops the characters that change how repository text looks without being seen: bidirectional
 * overrides and isolates, zero-width spaces and joiners (Unicode's "format" characters) and control
 * characters other than whitespace. HTML escaping leaves them alone, so a name could otherwise render
 * reversed or look like another repository's; the Markdown drops them the same way.
 */
final class Invisible {

	private Invisible() {
	}

	/** The text without invisible characters; {@code null} stays {@code null}. */
	static String strip(String raw) {
		if (raw == null || raw.codePoints().noneMatch(Invisible::invisible)) {
			return raw;
		}
		StringBuilder out = new StringBuilder(raw.length());
		raw.codePoints().filter((cp) -> !invisible(cp)).forEach(out::appendCodePoint);
		return out.toString();
	}

	private static boolean invisible(int cp) {
		int type = Character.getType(cp);
		// Whitespace controls stay: HTML shows them as a space and the Markdown turns them into one.
		return type == Character.FORMAT || (type == Character.CONTROL && !Character.isWhitespace(cp));
	}
}
