package ai.molecule.drift.classify;

import java.util.Optional;

import ai.molecule.drift.lag.Version;

/**
 * The content of a {@code .runtime-version} file, made safe to store and show: byte-order mark and
 * surrounding whitespace removed, control characters dropped, length capped.
 *
 * @param shown the pin as stored and reported; {@code null} when the file is absent or blank
 * @param version the parsed version; empty when the pin is not a version
 * @param truncated the original text was longer than {@link #MAX_LENGTH} characters
 */
public record PinText(String shown, Optional<Version> version, boolean truncated) {

	/** No real version is longer; anything beyond is cut off before it reaches a report. */
	public static final int MAX_LENGTH = 64;

	public static PinText of(String fileContent) {
		if (fileContent == null) {
			return new PinText(null, Optional.empty(), false);
		}
		String stripped = fileContent.replace("\uFEFF", "").strip();
		if (stripped.isEmpty()) {
			return new PinText(null, Optional.empty(), false);
		}
		Optional<Version> version = Version.parse(stripped);
		String printable = stripped.codePoints()
			.map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		boolean truncated = printable.length() > MAX_LENGTH;
		String shown = truncated ? printable.substring(0, MAX_LENGTH) + "…" : printable;
		return new PinText(shown, version, truncated);
	}

	public boolean present() {
		return shown != null;
	}
}
