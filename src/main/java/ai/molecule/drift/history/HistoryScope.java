package ai.molecule.drift.history;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.model.RunReport;

/**
 * Which runs belong to one history: those of one job, identified by what the runs table stores of its
 * configuration (organisation, kind of forge and repository prefix), so that several CronJobs (several
 * orgs, forges or prefixes) can share a database without mixing their figures or their previous runs.
 *
 * @param org the organisation, as configured ({@code drift.org}); compared exactly, as stored
 * @param forgeType {@code gitea}, {@code github} or {@code local}
 * @param repoPrefix the repository name prefix ({@code drift.repo-prefix})
 */
public record HistoryScope(String org, String forgeType, String repoPrefix) {

	public static HistoryScope of(DriftProperties properties) {
		return new HistoryScope(properties.org(), properties.forge().type().id(), properties.repoPrefix());
	}

	/** The scope a persisted run belongs to; {@code null} for a run that records no forge. */
	public static HistoryScope of(RunReport.ForgeInfo forge) {
		return forge == null ? null : new HistoryScope(forge.org(), forge.type(), forge.repoPrefix());
	}
}
