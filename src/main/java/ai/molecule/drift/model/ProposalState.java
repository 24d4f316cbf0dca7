package ai.molecule.drift.model;

/** What became of a bump proposal this run. */
public enum ProposalState {

	/** Made this run. */
	OPENED("opened"),

	/** The tool's open proposal for the same target, its body refreshed. */
	UPDATED("updated"),

	/** The tool's open proposal for the same target, left as it was. */
	UNCHANGED("unchanged"),

	/** Closed by the tool: a newer target replaces it. */
	SUPERSEDED("superseded"),

	/** Closed by people without merging; never reopened. */
	DECLINED("declined"),

	/** Could not be made; the reason says why. Never changes the run's verdict. */
	FAILED("failed"),

	/** What would be proposed, with nothing written. */
	DRY_RUN("dry-run");

	private final String id;

	ProposalState(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static ProposalState fromId(String id) {
		for (ProposalState state : values()) {
			if (state.id.equals(id)) {
				return state;
			}
		}
		throw new IllegalArgumentException("unknown proposal state " + id);
	}
}
