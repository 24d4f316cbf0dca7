package ai.molecule.drift.model;


/**
 * Told about each run once it is closed (its status final and persisted), before the job returns;
 * what it does cannot change the run's outcome.
 */
@FunctionalInterface
public interface RunFinishedListener {

	void runFinished(RunReport run);
}
