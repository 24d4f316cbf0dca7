package ai.molecule.drift.contract;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import ai.molecule.drift.forge.FileBytes;

/**
 * What a check needs of a file: whether it is one, and the sha256 of its bytes (the bytes themselves are
 * not kept: a run holds a fact per vendored file of every template).
 *
 * @param kind what is at the path
 * @param sha256 lower-case hex of the bytes; {@code null} unless a file
 * @param answer what was found, for messages
 */
public record FileFact(FileBytes.Kind kind, String sha256, String answer) {

	public static FileFact of(FileBytes read) {
		return new FileFact(read.kind(), (read.kind() == FileBytes.Kind.FILE) ? sha256(read.bytes()) : null,
				read.answer());
	}

	public boolean isFile() {
		return kind == FileBytes.Kind.FILE;
	}

	/** The lower-case hex sha256 of {@code bytes}, as a lock writes it. */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}
}
