package ai.molecule.drift.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the reports and the tracking issue show of a run's history: the job's trend over the latest runs,
 * each repository's lag over the same runs, and the run to compare with for "changes since the previous
 * run". Read once by whoever renders, so that rendering itself reads nothing.
 *
 * @param available whether a history was consulted; without one the history sections are left out
 * @param trend the latest complete runs of the same job (org, forge and repository prefix), oldest first,
 *     this run last
 * @param lagSeries per repository of this run: releases behind in each run of {@code trend} ({@code null}
 *     where it was absent, unreadable or not measured)
 * @param previous the previous complete run of the same job (the latest earlier pass or fail run; an
 *     error or crashed run is never compared with); {@code null} when there is none
 */
public record RunHistory(boolean available, List<TrendPoint> trend, Map<String, List<Integer>> lagSeries,
		RunReport previous) {

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
}
