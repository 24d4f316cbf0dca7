package ai.molecule.drift.contract;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.FileBytes;
import ai.molecule.drift.model.ContractCheck;
import ai.molecule.drift.model.ContractState;
import ai.molecule.drift.model.FindingCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The state of each vendored file, the first that applies, and the findings the contract names. */
class ContractDecisionTests {

	private static final String LOCKED = FileFact.sha256("v1".getBytes());

	private static final String NEWER = FileFact.sha256("v2".getBytes());

	private static final LockEntry ENTRY = new LockEntry(0, "contracts/r.py", LOCKED, "acme/cp", "gen/r.py", null, null);

	@Test
	void theFirstStateThatAppliesWins() {
		assertState(file("v1"), file("v1"), ContractState.IN_SYNC);
		assertState(file("v1"), file("v2"), ContractState.DRIFT);
		assertState(file("v1"), FileFact.of(FileBytes.absent("404")), ContractState.SOURCE_MISSING);
		// A copy that does not match its lock says nothing of the upstream, missing or not.
		assertState(file("v2"), FileFact.of(FileBytes.absent("404")), ContractState.LOCK_MISMATCH);
		assertState(FileFact.of(FileBytes.absent("404")), file("v1"), ContractState.LOCK_MISMATCH);
		assertState(FileFact.of(FileBytes.notAFile("a symbolic link")), file("v1"), ContractState.LOCK_MISMATCH);
	}

	@Test
	void eachStateButInSyncIsAFindingThatSaysWhatToDo() {
		assertThat(findings(file("v2"), file("v1"))).singleElement().satisfies((found) -> {
			assertThat(found.code()).isEqualTo(FindingCode.CONTRACT_LOCK_MISMATCH);
			assertThat(found.message()).isEqualTo("contracts/r.py does not match its lock: sha256 "
					+ NEWER.substring(0, 12) + " here, " + LOCKED.substring(0, 12) + " in contracts/contracts.lock");
		});
		assertThat(findings(FileFact.of(FileBytes.notAFile("a symbolic link")), file("v1"))).singleElement()
			.extracting(ContractDecision.Found::message)
			.isEqualTo("contracts/r.py is locked in contracts/contracts.lock but is a symbolic link, not a file");
		assertThat(findings(file("v1"), file("v2"))).singleElement().satisfies((found) -> {
			assertThat(found.code()).isEqualTo(FindingCode.CONTRACT_DRIFT);
			assertThat(found.message()).isEqualTo("contracts/r.py is a stale snapshot: acme/cp:gen/r.py is now sha256 "
					+ NEWER.substring(0, 12) + ", the lock says " + LOCKED.substring(0, 12));
		});
		assertThat(findings(file("v1"), FileFact.of(FileBytes.absent("404")))).singleElement()
			.extracting(ContractDecision.Found::message)
			.isEqualTo("the upstream of contracts/r.py, acme/cp:gen/r.py, is missing (404)");
		assertThat(findings(file("v1"), file("v1"))).isEmpty();
	}

	@Test
	void anInvalidEntryOrLockIsAFindingAndReadsNothing() {
		LockEntry invalid = new LockEntry(2, "x.py", "abc", "acme/cp", "x.py", null, "has a sha256 that is not 64 hexadecimal characters");
		ContractDecision.Outcome outcome = ContractDecision.decide(new ContractEvidence(
				new ContractLock(List.of(invalid), null), List.of(new ContractEvidence.Entry(invalid, null, null))), List.of(), true);
		assertThat(outcome.checks()).extracting(ContractCheck::state).containsExactly(ContractState.INVALID);
		assertThat(outcome.findings()).extracting(ContractDecision.Found::message)
			.containsExactly("contracts/contracts.lock entry 3 has a sha256 that is not 64 hexadecimal characters");

		ContractDecision.Outcome broken = ContractDecision.decide(
				new ContractEvidence(new ContractLock(List.of(), "is not YAML (x)"), List.of()), List.of("contracts/r.py"), true);
		assertThat(broken.findings()).extracting(ContractDecision.Found::code).containsExactly(FindingCode.CONTRACT_INVALID_LOCK);
		assertThat(broken.notAdopted()).as("an unreadable lock is one finding, not two").isEmpty();
	}

	@Test
	void aConsumerThatDoesNotLockARequiredPathHasNotAdoptedIt() {
		ContractEvidence locksOne = evidence(file("v1"), file("v1"));
		List<String> required = List.of("contracts/r.py", "contracts/other.py");
		ContractDecision.Outcome outcome = ContractDecision.decide(locksOne, required, true);
		assertThat(outcome.notAdopted()).containsExactly("contracts/other.py");
		assertThat(outcome.findings()).extracting(ContractDecision.Found::code).containsExactly(FindingCode.CONTRACT_NOT_ADOPTED);
		assertThat(ContractDecision.decide(ContractEvidence.NONE, required, true).notAdopted()).isEqualTo(required);
		assertThat(ContractDecision.decide(ContractEvidence.NONE, required, false).findings())
			.as("an exempt, unlisted or archived repository need not adopt").isEmpty();
	}

	private static void assertState(FileFact vendored, FileFact upstream, ContractState state) {
		assertThat(ContractDecision.decide(evidence(vendored, upstream), List.of(), true).checks()).singleElement()
			.satisfies((check) -> {
				assertThat(check.state()).isEqualTo(state);
				assertThat(check.lockSha256()).isEqualTo(LOCKED);
				assertThat(check.vendoredSha256()).isEqualTo(vendored.sha256());
				assertThat(check.upstreamSha256()).isEqualTo(upstream.sha256());
			});
	}

	private static List<ContractDecision.Found> findings(FileFact vendored, FileFact upstream) {
		return ContractDecision.decide(evidence(vendored, upstream), List.of(), true).findings();
	}

	private static ContractEvidence evidence(FileFact vendored, FileFact upstream) {
		return new ContractEvidence(new ContractLock(List.of(ENTRY), null),
				List.of(new ContractEvidence.Entry(ENTRY, vendored, upstream)));
	}

	private static FileFact file(String text) {
		return FileFact.of(FileBytes.file(text.getBytes()));
	}
}
