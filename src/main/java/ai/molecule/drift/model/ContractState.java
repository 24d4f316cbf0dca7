package ai.molecule.drift.model;

import java.util.Optional;

/** Where a vendored file stands against its lock and its upstream; the first that applies, in this order. */
public enum ContractState {

	/** The vendored file is missing or its sha256 differs from the lock. */
	LOCK_MISMATCH("lock-mismatch"),

	/** The upstream repository or file does not exist at the ref. */
	SOURCE_MISSING("source-missing"),

	/** The lock entry cannot be checked: a field is missing or not allowed. */
	INVALID("invalid"),

	/** The upstream file at the ref differs from the lock: the snapshot is stale. */
	DRIFT("drift"),

	IN_SYNC("in-sync");

	private final String id;

	ContractState(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Optional<ContractState> fromId(String id) {
		for (ContractState state : values()) {
			if (state.id.equals(id)) {
				return Optional.of(state);
			}
		}
		return Optional.empty();
	}
}
