package ai.molecule.drift.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;


/**
 * What the reports show of a run's history: the org's trend over the latest runs, each repository's lag
 * over the same runs, and the run to compare with for "changes since the previous run".
 *
 * @param available whether a history was consulted; without one the history sections are left out
 * @param trend the latest complete runs of the same org and forge, oldest first, this run last
 * @param lagSeries per repository of this run: releases behind in each run of {@code trend} ({@code null}
 *     where it was absent, unreadable or not measured)
 * @param baseline the previous complete pass or fail run; {@code null} when there is none
 */
public record RunHistory(boolean available, List<TrendPoint> trend, Map<String, List<Integer>> lagSeries,
		Baseline baseline) {

	public RunHistory {
		trend = List.copyOf(trend);
		lagSeries = Map.copyOf(lagSeries);
	}

	/** No history: the reports render as they would for a single run. */
	public static RunHistory none() {
		return new RunHistory(false, List.of(), Map.of(), null);
	}

	/**
	 * The org in one run.
	 *
	 * @param runId the run
	 * @param startedAt when it started
	 * @param status pass, fail or error
	 * @param behind repositories behind the SSOT; {@code null} when the run had no SSOT
	 * @param medianLagReleases median releases behind over pins with a lag; {@code null} when none was measured
	 */
	public record TrendPoint(long runId, Instant startedAt, RunStatus status, Integer behind,
			Double medianLagReleases) {
	}

	/**
	 * The run the changes are measured from.
	 *
	 * @param runId the run
	 * @param startedAt when it started
	 * @param status pass or fail
	 * @param repos its repositories
	 */
	public record Baseline(long runId, Instant startedAt, RunStatus status, List<RepoResult> repos) {

		public Baseline {
			repos = List.copyOf(repos);
		}
	}
}
