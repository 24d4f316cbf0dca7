package ai.molecule.drift.history;

import java.time.Instant;

/**
 * The org in one complete run: a row of {@code history trend}. Lag figures count every repository
 * whose pin has a measured lag (in sync counts as 0); they are {@code null} when the run had no SSOT.
 *
 * @param runId the run
 * @param startedAt when the run started
 * @param status {@code pass}, {@code fail} or {@code error}
 * @param ssot the SSOT version; {@code null} when unresolved
 * @param repos repositories scanned
 * @param enumerated repositories classified {@code enumerated}
 * @param exempt repositories classified {@code exempt}
 * @param unlistedPinned repositories classified {@code unlisted-pinned}
 * @param clean repositories classified {@code clean}
 * @param unknown repositories that could not be read and are not listed
 * @param behind repositories behind the SSOT
 * @param medianLagReleases median releases behind
 * @param maxLagReleases most releases behind
 * @param medianLagDays median days behind, over pins that are known releases
 * @param maxLagDays most days behind
 */
public record TrendRow(long runId, Instant startedAt, String status, String ssot, int repos, int enumerated,
		int exempt, int unlistedPinned, int clean, int unknown, Integer behind, Double medianLagReleases,
		Integer maxLagReleases, Double medianLagDays, Long maxLagDays) {
}
