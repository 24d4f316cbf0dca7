package ai.molecule.drift.lag;

/** Where the SSOT version came from. */
public enum SsotSource {
	/** The highest {@code <prefix>X.Y.Z} tag that is a published release. */
	RELEASE_TAG("release-tag"),
	/** No release tag: the runtime repo's {@code pyproject.toml} {@code [project] version}. */
	FALLBACK_FILE("fallback-file");

	private final String id;

	SsotSource(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static SsotSource fromId(String id) {
		for (SsotSource source : values()) {
			if (source.id.equals(id)) {
				return source;
			}
		}
		throw new IllegalArgumentException("unknown SSOT source: " + id);
	}
}
