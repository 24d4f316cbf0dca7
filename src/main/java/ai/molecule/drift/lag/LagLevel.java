package ai.molecule.drift.lag;

import java.util.Locale;

/** The most significant semver part in which a pin differs from the SSOT. */
public enum LagLevel {
	NONE, PATCH, MINOR, MAJOR;

	/** The contract's spelling: {@code none}, {@code patch}, {@code minor}, {@code major}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static LagLevel fromId(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}
}
