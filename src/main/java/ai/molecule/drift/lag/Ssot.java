package ai.molecule.drift.lag;

import java.time.Instant;

/**
 * The single source of truth: the runtime version every consumer should pin, or why it is unknown.
 *
 * @param version the SSOT version; {@code null} when unresolved
 * @param source where it came from; {@code null} when unresolved
 * @param tag its release tag; {@code null} for the fallback file
 * @param publishedAt its publication date; {@code null} when unknown
 * @param problem why it is unresolved, or a note on how it was resolved; {@code null} when none
 */
public record Ssot(Version version, SsotSource source, String tag, Instant publishedAt, String problem) {

	public static Ssot unresolved(String problem) {
		return new Ssot(null, null, null, null, problem);
	}

	public boolean resolved() {
		return version != null;
	}
}
