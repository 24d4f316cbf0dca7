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
 * @param contractsRequired vendored paths every enumerated consumer must lock in {@code contracts/contracts.lock}
 */
public record Policy(List<String> consumers, List<Exemption> exemptions, Integer maxLagReleases,
		Set<FindingCode> failOn, List<String> contractsRequired) {

	public Policy {
		consumers = List.copyOf(consumers);
		exemptions = List.copyOf(exemptions);
		failOn = Set.copyOf(failOn);
		contractsRequired = List.copyOf(contractsRequired);
	}

	/** A policy that requires no vendored contract. */
	public Policy(List<String> consumers, List<Exemption> exemptions, Integer maxLagReleases, Set<FindingCode> failOn) {
		this(consumers, exemptions, maxLagReleases, failOn, List.of());
	}
}
