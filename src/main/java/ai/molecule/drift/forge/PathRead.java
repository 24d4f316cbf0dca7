package ai.molecule.drift.forge;

/**
 * What one read of a path answered, before it is held against the root listing: a file with its
 * text, a directory (or submodule), or nothing.
 *
 * @param kind what the read found
 * @param text the file's text; {@code null} unless {@code kind} is {@link Kind#FILE}
 * @param answer how the answer is named in a contradiction, such as {@code "404"} or {@code "a directory"}
 */
record PathRead(Kind kind, String text, String answer) {

	/** The three things a read can find. */
	enum Kind {
		FILE, DIRECTORY, ABSENT
	}

	static PathRead file(String text) {
		return new PathRead(Kind.FILE, text, "a file");
	}

	static PathRead directory(String answer) {
		return new PathRead(Kind.DIRECTORY, null, answer);
	}

	static PathRead absent(String answer) {
		return new PathRead(Kind.ABSENT, null, answer);
	}

	/** The same read, its answer explained further (for a contradiction's message). */
	PathRead because(String detail) {
		return new PathRead(kind, text, answer + " (" + detail + ")");
	}
}
