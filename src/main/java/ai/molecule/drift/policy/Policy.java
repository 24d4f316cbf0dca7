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
 * @param propose how bumps are proposed
 */
public record Policy(List<String> consumers, List<Exemption> exemptions, Integer maxLagReleases,
		Set<FindingCode> failOn, List<String> contractsRequired, Propose propose) {

	public Policy {
		consumers = List.copyOf(consumers);
		exemptions = List.copyOf(exemptions);
		failOn = Set.copyOf(failOn);
		contractsRequired = List.copyOf(contractsRequired);
		propose = (propose == null) ? Propose.DEFAULTS : propose;
	}

	public Policy(List<String> consumers, List<Exemption> exemptions, Integer maxLagReleases, Set<FindingCode> failOn,
			List<String> contractsRequired) {
		this(consumers, exemptions, maxLagReleases, failOn, contractsRequired, Propose.DEFAULTS);
	}

	/**
	 * The policy's {@code propose} block.
	 *
	 * @param maxStep most releases one proposal jumps; bigger lags are bumped in stages
	 * @param labels label names each pull request carries
	 * @param exclude consumers never proposed a bump (compared ignoring case)
	 */
	public record Propose(int maxStep, List<String> labels, List<String> exclude) {

		public static final Propose DEFAULTS = new Propose(10, List.of(), List.of());

		public Propose {
			labels = List.copyOf(labels);
			exclude = List.copyOf(exclude);
		}

		public boolean excludes(String repo) {
			return exclude.stream().anyMatch(repo::equalsIgnoreCase);
		}
	}

	/** A policy that requires no vendored contract. */
	public Policy(List<String> consumers, List<Exemption> exemptions, Integer maxLagReleases, Set<FindingCode> failOn) {
		this(consumers, exemptions, maxLagReleases, failOn, List.of(), Propose.DEFAULTS);
	}
}
