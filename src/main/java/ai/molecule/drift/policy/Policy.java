package ai.molecule.drift.policy;

import java.util.List;
import java.util.Set;

import ai.molecule.drift.model.FindingCode;

/**
 * The reviewed policy: who consumes the runtime, who is exempt and why, and what fails the run.
 *
 * @param consumers enumerated consumers (full repo names; need not match the prefix)
 * @param exemptions exempt repos, each with a reason
 * @param maxLagReleases releases a pin may lag before {@code lag-exceeded}; {@code null} for no limit
 * @param failOn codes whose findings are raised to {@code error}
 */
public record Policy(List<String> consumers, List<Exemption> exemptions, Integer maxLagReleases,
		Set<FindingCode> failOn) {

	public Policy {
		consumers = List.copyOf(consumers);
		exemptions = List.copyOf(exemptions);
		failOn = Set.copyOf(failOn);
	}
}
