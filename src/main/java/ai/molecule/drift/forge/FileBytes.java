package ai.molecule.drift.forge;

/**
 * One file's bytes as the forge holds them, for checks that compare bytes (a sha256) rather than read
 * text: a file, nothing at that path, or something that is no file (a directory, a link, a submodule).
 * A link is never followed here: a pinned copy must be the bytes themselves.
 *
 * @param kind what is at the path
 * @param bytes the file's bytes; {@code null} unless {@code kind} is {@link Kind#FILE}
 * @param answer what was found, for messages, such as {@code "404"} or {@code "a symbolic link"}
 */
public record FileBytes(Kind kind, byte[] bytes, String answer) {

	/** What a path can hold. */
	public enum Kind {
		FILE, ABSENT, NOT_A_FILE
	}

	public static FileBytes file(byte[] bytes) {
		return new FileBytes(Kind.FILE, bytes, "a file");
	}

	public static FileBytes absent(String answer) {
		return new FileBytes(Kind.ABSENT, null, answer);
	}

	public static FileBytes notAFile(String answer) {
		return new FileBytes(Kind.NOT_A_FILE, null, answer);
	}
}
