package ai.molecule.drift.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fits repository-controlled text into its column, so that one odd repository (a 340-character name
 * from a forge that allows it) never fails the insert of a whole run. A key such as a repository name
 * keeps its start and gets {@code …} and a short hash of the full text: it stays unique and the same
 * from run to run, and its history can still be asked for by the full name. Other text is cut with
 * {@code …}.
 */
final class Column {

	/** {@code drift_repo_result.name} and {@code drift_finding.repo_name}. */
	static final int NAME = 255;

	/** {@code drift_repo_result.pin} and {@code known_pin}. */
	static final int PIN = 128;

	/** {@code drift_run.ssot_tag} and {@code drift_run_release.tag}. */
	static final int TAG = 255;

	/** Marks a value that did not fit. */
	static final String CUT = "\u2026";

	private static final int HASH_LENGTH = 8;

	private Column() {
	}

	/** A key that fits: itself when short enough, else its start, {@code …} and a hash of the whole. */
	static String key(String value, int size) {
		if (value == null || value.length() <= size) {
			return value;
		}
		String hash = HexFormat.of().formatHex(sha256(value)).substring(0, HASH_LENGTH);
		return start(value, size - CUT.length() - hash.length()) + CUT + hash;
	}

	/** Text that fits: itself when short enough, else cut with {@code …}. */
	static String text(String value, int size) {
		if (value == null || value.length() <= size) {
			return value;
		}
		return start(value, size - CUT.length()) + CUT;
	}

	/** At most {@code length} characters, never half of a surrogate pair. */
	private static String start(String value, int length) {
		int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
		return value.substring(0, end);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}
}
