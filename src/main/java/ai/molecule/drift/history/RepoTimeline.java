package ai.molecule.drift.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A repository's timeline as one row carries it: its last known pin, whether this run saw the pin
 * change, since when it has had it, and since when it has been behind the SSOT. Each row follows from
 * the row of the previous complete run; a run that could not read the repository, or had no SSOT,
 * carries what it cannot know over unchanged, so unknown never reads as a change.
 *
 * @param knownPin the pin, or the last one read while the repository cannot be read; {@code null} without one
 * @param pinChanged this run saw the pin change, or read the repository for the first time
 * @param pinSince when the run that first saw {@code knownPin} started; {@code null} if never read
 * @param behindSince when the first run of the current streak behind the SSOT started; {@code null} when not behind
 */
record RepoTimeline(String knownPin, boolean pinChanged, Instant pinSince, Instant behindSince) {

	/**
	 * This run's row.
	 *
	 * @param previous the repository's row in the previous complete run that has one; {@code null} for none
	 * @param unreadable this run could not read the repository
	 * @param pin the pin this run read
	 * @param lagReleases releases behind; {@code null} without a measured lag
	 * @param ssotResolved this run had an SSOT to measure against
	 * @param at when this run started
	 */
	static RepoTimeline next(RepoTimeline previous, boolean unreadable, String pin, Integer lagReleases,
			boolean ssotResolved, Instant at) {
		if (unreadable) {
			return previous == null ? new RepoTimeline(null, false, null, null)
					: new RepoTimeline(previous.knownPin, false, previous.pinSince, previous.behindSince);
		}
		boolean changed = previous == null || previous.pinSince == null || !Objects.equals(previous.knownPin, pin);
		Instant behindSince;
		if (!ssotResolved) {
			behindSince = previous == null ? null : previous.behindSince;
		}
		else if (lagReleases != null && lagReleases > 0) {
			behindSince = previous != null && previous.behindSince != null ? previous.behindSince : at;
		}
		else {
			behindSince = null;
		}
		return new RepoTimeline(pin, changed, changed ? at : previous.pinSince, behindSince);
	}
}
