package ai.molecule.drift.contract;

import java.util.List;
import java.util.Set;

/**
 * Everything read for one repository's vendored contracts, before any decision: the input of
 * {@link ContractDecision}.
 *
 * @param lock the parsed lock; {@code null} when the repository has none
 * @param entries one per entry of the lock, in its order
 */
public record ContractEvidence(ContractLock lock, List<Entry> entries) {

	public static final ContractEvidence NONE = new ContractEvidence(null, List.of());

	public ContractEvidence {
		entries = List.copyOf(entries);
	}

	/** The paths the repository locks; empty without a lock. */
	public Set<String> lockedPaths() {
		return (lock == null) ? Set.of() : lock.lockedPaths();
	}

	/**
	 * One lock entry with what was read for it.
	 *
	 * @param lock the entry
	 * @param vendored the vendored copy; {@code null} when the entry is invalid (nothing was read)
	 * @param upstream the upstream file; {@code null} when the entry is invalid
	 */
	public record Entry(LockEntry lock, FileFact vendored, FileFact upstream) {
	}
}
