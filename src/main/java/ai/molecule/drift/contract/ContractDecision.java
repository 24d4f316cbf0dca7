package ai.molecule.drift.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.molecule.drift.forge.FileBytes;
import ai.molecule.drift.model.ContractCheck;
import ai.molecule.drift.model.ContractState;
import ai.molecule.drift.model.FindingCode;

/** Decides where each vendored file stands, and what is worth a finding: no I/O, the evidence is read. */
public final class ContractDecision {

	/**
	 * What was decided for a repository.
	 *
	 * @param checks one per lock entry, in the lock's order
	 * @param findings in the order found
	 * @param notAdopted required paths the repository does not lock
	 */
	public record Outcome(List<ContractCheck> checks, List<Found> findings, List<String> notAdopted) {
	}

	/** A finding to raise, its severity left to the policy. */
	public record Found(FindingCode code, String message) {
	}

	private ContractDecision() {
	}

	/**
	 * @param required the policy's {@code contracts-required} paths, checked only when {@code mustAdopt}
	 * @param mustAdopt whether the repository is an enumerated, non-archived consumer
	 */
	public static Outcome decide(ContractEvidence evidence, List<String> required, boolean mustAdopt) {
		List<ContractCheck> checks = new ArrayList<>();
		List<Found> findings = new ArrayList<>();
		ContractLock lock = evidence.lock();
		if (lock != null && lock.problem() != null) {
			findings.add(new Found(FindingCode.CONTRACT_INVALID_LOCK, ContractLock.PATH + " " + lock.problem()));
		}
		for (ContractEvidence.Entry entry : evidence.entries()) {
			ContractCheck check = check(entry);
			checks.add(check);
			message(entry, check).ifPresent(findings::add);
		}
		List<String> notAdopted = new ArrayList<>();
		if (mustAdopt && (lock == null || lock.problem() == null)) {
			Set<String> locked = evidence.lockedPaths();
			for (String path : required) {
				if (!locked.contains(path)) {
					notAdopted.add(path);
					findings.add(new Found(FindingCode.CONTRACT_NOT_ADOPTED, "does not vendor " + path
							+ " with a lock in " + ContractLock.PATH + ", which the policy's contracts-required asks of every consumer"));
				}
			}
		}
		return new Outcome(checks, findings, notAdopted);
	}

	static ContractCheck check(ContractEvidence.Entry entry) {
		LockEntry lock = entry.lock();
		FileFact vendored = entry.vendored();
		FileFact upstream = entry.upstream();
		String vendoredSha = (vendored == null) ? null : vendored.sha256();
		String upstreamSha = (upstream == null) ? null : upstream.sha256();
		ContractState state;
		if (!lock.valid()) {
			state = ContractState.INVALID;
		}
		else if (!vendored.isFile() || !vendored.sha256().equals(lock.sha256())) {
			state = ContractState.LOCK_MISMATCH;
		}
		else if (!upstream.isFile()) {
			state = ContractState.SOURCE_MISSING;
		}
		else {
			state = upstream.sha256().equals(lock.sha256()) ? ContractState.IN_SYNC : ContractState.DRIFT;
		}
		return new ContractCheck(lock.path(), lock.source(), lock.sourcePath(), lock.ref(), lock.sha256(), vendoredSha,
				upstreamSha, state);
	}

	private static Optional<Found> message(ContractEvidence.Entry entry, ContractCheck check) {
		LockEntry lock = entry.lock();
		String upstream = lock.source() + ":" + lock.sourcePath() + ((lock.ref() == null) ? "" : "@" + lock.ref());
		return Optional.ofNullable(switch (check.state()) {
			case INVALID -> new Found(FindingCode.CONTRACT_INVALID_LOCK,
					ContractLock.PATH + " entry " + (lock.position() + 1) + " " + lock.problem());
			case LOCK_MISMATCH -> new Found(FindingCode.CONTRACT_LOCK_MISMATCH, entry.vendored().isFile()
					? lock.path() + " does not match its lock: sha256 " + shortSha(check.vendoredSha256())
							+ " here, " + shortSha(lock.sha256()) + " in " + ContractLock.PATH
					: lock.path() + " is locked in " + ContractLock.PATH + " but is " + describe(entry.vendored()));
			case SOURCE_MISSING -> new Found(FindingCode.CONTRACT_SOURCE_MISSING, "the upstream of " + lock.path()
					+ ", " + upstream + ", is " + describe(entry.upstream()));
			case DRIFT -> new Found(FindingCode.CONTRACT_DRIFT, lock.path() + " is a stale snapshot: " + upstream
					+ " is now sha256 " + shortSha(check.upstreamSha256()) + ", the lock says " + shortSha(lock.sha256()));
			case IN_SYNC -> null;
		});
	}

	private static String describe(FileFact fact) {
		return (fact.kind() == FileBytes.Kind.ABSENT) ? "missing (" + fact.answer() + ")"
				: fact.answer() + ", not a file";
	}

	private static String shortSha(String sha) {
		return (sha == null) ? "none" : sha.substring(0, Math.min(12, sha.length()));
	}
}
