package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

/**
 * One repository in one complete run: a row of {@code history repo NAME}.
 *
 * @param runId the run
 * @param startedAt when the run started
 * @param runStatus {@code pass}, {@code fail} or {@code error}
 * @param ssot the run's SSOT version; {@code null} when it was unresolved
 * @param classification {@code null} when the run did not scan the repository
 * @param archived {@code null} when the run did not scan the repository
 * @param pin the pin as shown; {@code null} without one
 * @param lagReleases releases behind; {@code null} without a measured lag
 * @param lagDays days behind; {@code null} when unknown
 * @param lagLevel {@code none}, {@code patch}, {@code minor}, {@code major}; {@code null} without a lag
 * @param state one word for the pin's state ({@link RepoState})
 * @param findings the finding codes, in the order they were found
 * @param contracts each vendored file's state as {@code path=state} ({@code not-adopted} for a required path
 *     the repository does not lock), in the lock's order
 */
public record RepoRun(long runId, Instant startedAt, String runStatus, String ssot, String classification,
		Boolean archived, String pin, Integer lagReleases, Long lagDays, String lagLevel, String state,
		List<String> findings, List<String> contracts) {

	public RepoRun {
		findings = List.copyOf(findings);
		contracts = List.copyOf(contracts);
	}
}
