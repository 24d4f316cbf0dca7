package ai.molecule.drift.model;

import java.util.Optional;

/** The contract's finding codes, each with its default severity. */
public enum FindingCode {
	UNLISTED_PINNED("unlisted-pinned", Severity.ERROR),
	PIN_DRIFT("pin-drift", Severity.WARNING),
	LAG_EXCEEDED("lag-exceeded", Severity.WARNING),
	MISSING_PIN("missing-pin", Severity.WARNING),
	MISSING_REPO("missing-repo", Severity.WARNING),
	STALE_EXEMPTION("stale-exemption", Severity.WARNING),
	EXEMPTION_EXPIRED("exemption-expired", Severity.WARNING),
	INVALID_PIN("invalid-pin", Severity.WARNING),
	UNKNOWN_VERSION("unknown-version", Severity.WARNING),
	AHEAD_OF_SSOT("ahead-of-ssot", Severity.WARNING),
	INCONSISTENT_PIN("inconsistent-pin", Severity.WARNING),
	VENDORED_RUNTIME("vendored-runtime", Severity.WARNING),
	CONTRACT_LOCK_MISMATCH("contract-lock-mismatch", Severity.ERROR),
	CONTRACT_DRIFT("contract-drift", Severity.WARNING),
	CONTRACT_SOURCE_MISSING("contract-source-missing", Severity.WARNING),
	CONTRACT_INVALID_LOCK("contract-invalid-lock", Severity.WARNING),
	CONTRACT_NOT_ADOPTED("contract-not-adopted", Severity.WARNING),
	/** Not in the contract's table: the repository could not be read, so its state is unknown. */
	UNREADABLE("unreadable", Severity.ERROR);

	private final String id;

	private final Severity defaultSeverity;

	FindingCode(String id, Severity defaultSeverity) {
		this.id = id;
		this.defaultSeverity = defaultSeverity;
	}

	public String id() {
		return id;
	}

	public Severity defaultSeverity() {
		return defaultSeverity;
	}

	public static Optional<FindingCode> fromId(String id) {
		for (FindingCode code : values()) {
			if (code.id.equals(id)) {
				return Optional.of(code);
			}
		}
		return Optional.empty();
	}
}
