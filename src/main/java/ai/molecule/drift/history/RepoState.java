package ai.molecule.drift.history;

/**
 * What one run knew about one repository's pin, in one word; unreadable is its own state, so an
 * unreadable repository never looks clean or caught up.
 */
public enum RepoState {
	/** The pin is behind the SSOT. */
	BEHIND("behind"),
	/** The pin is the SSOT. */
	IN_SYNC("in-sync"),
	/** The pin is newer than the SSOT. */
	AHEAD("ahead"),
	/** No {@code .runtime-version}. */
	NO_PIN("no-pin"),
	/** A pin that is not a version. */
	INVALID_PIN("invalid-pin"),
	/** A pin, but the run had no SSOT to measure it against. */
	UNMEASURED("unmeasured"),
	/** The repository could not be read: its state is unknown. */
	UNREADABLE("unreadable"),
	/** The run ended in error before it scanned this repository. */
	NOT_SCANNED("not-scanned");

	private final String id;

	RepoState(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	static RepoState of(boolean unreadable, String pin, Integer lagReleases, String lagLevel, boolean ssotResolved) {
		if (unreadable) {
			return UNREADABLE;
		}
		if (lagReleases != null) {
			if (lagReleases > 0) {
				return BEHIND;
			}
			return "none".equals(lagLevel) ? IN_SYNC : AHEAD;
		}
		if (pin == null) {
			return NO_PIN;
		}
		return ssotResolved ? INVALID_PIN : UNMEASURED;
	}
}
