package ai.molecule.drift.model;

/** Exactly one per scanned repository (see the contract). */
public enum Classification {
	/** Named in the policy's consumer list. */
	ENUMERATED("enumerated"),
	/** Named in the policy's exempt list with a reason, and the exemption has not expired. */
	EXEMPT("exempt"),
	/** Carries a non-empty {@code .runtime-version} but is neither enumerated nor exempt: fails the run. */
	UNLISTED_PINNED("unlisted-pinned"),
	/** Not listed and carries no pin. */
	CLEAN("clean"),
	/** Not listed and could not be read: never reported as clean; the run is an error. */
	UNKNOWN("unknown");

	private final String id;

	Classification(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Classification fromId(String id) {
		for (Classification c : values()) {
			if (c.id.equals(id)) {
				return c;
			}
		}
		throw new IllegalArgumentException("unknown classification: " + id);
	}
}
