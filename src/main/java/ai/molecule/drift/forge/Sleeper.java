package ai.molecule.drift.forge;

import java.time.Duration;

/** Waits between retries; injectable so that tests neither really wait nor guess how long a wait was. */
@FunctionalInterface
interface Sleeper {

	void sleep(Duration duration) throws InterruptedException;

	/** The thread really sleeps. */
	static Sleeper real() {
		return (duration) -> Thread.sleep(duration.toMillis());
	}
}
