package ai.molecule.drift.history;

import java.time.Instant;

/**
 * How long one enumerated consumer took to pin a release (or a later one).
 *
 * @param consumer the repository
 * @param status {@code synced} or {@code pending}
 * @param days for {@code synced}: days from the release's publication to the first run that saw the
 *     consumer at or above it; for {@code pending}: days from the publication to the latest run
 * @param runId the run that saw it synced, or the latest run when pending
 * @param seenAt when that run started
 * @param pin the pin that run saw (the last known pin when the consumer could not be read); {@code null} without one
 * @param toProposalDays days from the publication to the first bump proposal that took the consumer to the release
 *     or a later one; {@code null} without one
 * @param proposalToSyncDays for {@code synced} with such a proposal: days from the proposal to the sync; else
 *     {@code null}
 */
public record ConsumerSync(String consumer, String status, long days, Long runId, Instant seenAt, String pin,
		Long toProposalDays, Long proposalToSyncDays) {

	public static final String SYNCED = "synced";

	public static final String PENDING = "pending";

	public boolean synced() {
		return SYNCED.equals(status);
	}
}
