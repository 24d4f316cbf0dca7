package ai.molecule.drift.model;

import java.util.Locale;

/** Only {@code error} findings fail the run. */
public enum Severity {
	ERROR, WARNING;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Severity fromId(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}
}
