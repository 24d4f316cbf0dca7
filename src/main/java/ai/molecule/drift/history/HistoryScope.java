package ai.molecule.drift.history;

import ai.molecule.drift.DriftProperties;

/**
 * Which runs belong to one history: those of one organisation on one kind of forge, so that several
 * CronJobs (several orgs or forges) can share a database without mixing their figures.
 *
 * @param org the organisation, as configured ({@code drift.org})
 * @param forgeType {@code gitea}, {@code github} or {@code local}
 */
public record HistoryScope(String org, String forgeType) {

	public static HistoryScope of(DriftProperties properties) {
		return new HistoryScope(properties.org(), properties.forge().type().id());
	}
}
