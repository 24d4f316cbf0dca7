package ai.molecule.drift.history;

import java.time.Instant;

/**
 * One repository behind the SSOT in the latest measured run: a row of {@code history worst}.
 *
 * @param rank 1 for the worst
 * @param repo the repository
 * @param classification its classification in that run
 * @param pin its pin, or its last known pin when that run could not read it
 * @param lagReleases releases behind
 * @param lagDays days behind; {@code null} when unknown
 * @param lagLevel {@code patch}, {@code minor} or {@code major}
 * @param behindSince when the first run of its current streak behind the SSOT started
 * @param behindDays days from then to the latest measured run
 * @param lastKnown whether the latest run could not read it, so the pin is the last one known
 */
public record WorstRow(int rank, String repo, String classification, String pin, int lagReleases, Long lagDays,
		String lagLevel, Instant behindSince, long behindDays, boolean lastKnown) {
}
