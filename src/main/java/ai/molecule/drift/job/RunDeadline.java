package ai.molecule.drift.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moment a run must stop reading ({@code drift.scan.deadline} after its start): a forge that is
 * slow on every request, each within its own timeout, must not keep a nightly run going for hours.
 *
 * @param at when the deadline passes
 * @param budget the configured duration, for messages
 * @param clock the job's clock
 */
record RunDeadline(Instant at, Duration budget, Clock clock) {

	/** The words every repository left unread carries in its finding, and that the report step looks for. */
	static final String NOT_READ = "not read: the run's deadline passed";

	static RunDeadline from(Instant start, Duration budget, Clock clock) {
		return new RunDeadline(start.plus(budget), budget, clock);
	}

	boolean passed() {
		return !clock.instant().isBefore(at);
	}

	/** The reason a run that ran out of time gives. */
	static String reason(Duration budget, long notRead) {
		return "The run's deadline (drift.scan.deadline=" + budget + ") passed before the scan ended: " + notRead
				+ (notRead == 1 ? " repository was" : " repositories were") + " not read";
	}
}
