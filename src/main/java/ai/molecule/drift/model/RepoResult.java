package ai.molecule.drift.model;

import java.util.List;

import ai.molecule.drift.lag.Lag;

/**
 * The verdict on one repository, as persisted and reported.
 *
 * @param name repository name
 * @param classification exactly one
 * @param archived archived repos never fail the run
 * @param pin the pin as shown (trimmed, control characters removed, length-capped); {@code null} without one
 * @param lag {@code null} without a valid pin or without an SSOT
 * @param findings in the order they were found
 * @param contracts the entries of its {@code contracts/contracts.lock}, checked; empty without a lock
 * @param contractsNotAdopted paths the policy's {@code contracts-required} lists that this enumerated
 *     consumer does not lock
 */
public record RepoResult(String name, Classification classification, boolean archived, String pin, Lag lag,
		List<Finding> findings, List<ContractCheck> contracts, List<String> contractsNotAdopted) {

	public RepoResult {
		findings = List.copyOf(findings);
		contracts = List.copyOf(contracts);
		contractsNotAdopted = List.copyOf(contractsNotAdopted);
	}

	/** A repository without a contracts lock. */
	public RepoResult(String name, Classification classification, boolean archived, String pin, Lag lag,
			List<Finding> findings) {
		this(name, classification, archived, pin, lag, findings, List.of(), List.of());
	}

	/** Whether this repository makes the run fail. */
	public boolean failsRun() {
		return !archived && findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
	}

	public boolean unreadable() {
		return findings.stream().anyMatch(f -> f.code() == FindingCode.UNREADABLE);
	}
}
