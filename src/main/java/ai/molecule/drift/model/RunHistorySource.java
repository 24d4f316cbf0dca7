package ai.molecule.drift.model;

/** Where the reports find a run's history; the history database implements it. */
@FunctionalInterface
public interface RunHistorySource {

	RunHistory of(RunReport report);
}
