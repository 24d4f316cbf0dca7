package ai.molecule.drift.policy;

import java.time.LocalDate;

/**
 * A repository deliberately left out of the consumer list.
 *
 * @param repo full repository name in the org
 * @param reason why it is exempt (required)
 * @param expires last day the exemption holds; {@code null} for no expiry
 */
public record Exemption(String repo, String reason, LocalDate expires) {

	public boolean expiredOn(LocalDate today) {
		return expires != null && expires.isBefore(today);
	}
}
