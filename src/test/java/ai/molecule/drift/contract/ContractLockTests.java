package ai.molecule.drift.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing a lock: what the contract spells, and what a hostile repository may write instead. */
class ContractLockTests {

	private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@Test
	void readsTheContractsExampleWithItsDefaults() {
		ContractLock lock = ContractLock.parse("""
				# contracts/contracts.lock
				contracts:
				  - path: contracts/provider_registry.py      # the vendored copy
				    sha256: %s
				    source: molecule-ai/molecule-controlplane
				  - path: contracts/other.py
				    sha256: %s
				    source: Molecule-AI/molecule-controlplane
				    source-path: generated/other.py
				    ref: release/1.2
				""".formatted(SHA, SHA.toUpperCase()), "molecule-ai");
		assertThat(lock.problem()).isNull();
		assertThat(lock.entries()).containsExactly(
				new LockEntry(0, "contracts/provider_registry.py", SHA, "molecule-ai/molecule-controlplane",
						"contracts/provider_registry.py", null, null),
				new LockEntry(1, "contracts/other.py", SHA, "Molecule-AI/molecule-controlplane", "generated/other.py",
						"release/1.2", null));
		assertThat(lock.lockedPaths()).containsExactlyInAnyOrder("contracts/provider_registry.py", "contracts/other.py");
	}

	@Test
	void aLockThatIsNotYamlOrNotTheRightShapeIsOneProblem() {
		assertThat(ContractLock.parse("contracts: [\n  - path: x", "acme").problem()).startsWith("is not YAML (");
		assertThat(ContractLock.parse("- just\n- a list\n", "acme").problem())
			.isEqualTo("is not a mapping with a \"contracts\" list");
		assertThat(ContractLock.parse("contracts: yes\n", "acme").problem())
			.isEqualTo("has a \"contracts\" that is not a list");
		assertThat(ContractLock.parse("contracts: []\ncontracts: []\n", "acme").problem())
			.isEqualTo("has \"contracts\" twice");
		assertThat(ContractLock.parse("contracts:\n", "acme")).extracting(ContractLock::problem, ContractLock::entries)
			.containsExactly(null, java.util.List.of());
	}

	@Test
	void aHugeLockIsRefusedBeforeItIsParsed() {
		String huge = "contracts:\n" + ("  - path: x\n").repeat(30_000);
		assertThat(ContractLock.parse(huge, "acme").problem()).isEqualTo("is larger than 256 KiB, which no lock needs");
	}

	@Test
	void aliasBombsAndTagsBuildNothing() {
		String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
				+ "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ncontracts: [*c, *c, *c]\n";
		assertThat(ContractLock.parse(bomb, "acme").problem()).startsWith("is not YAML");
		assertThat(ContractLock.parse("contracts:\n  - !!javax.script.ScriptEngineManager [x]\n", "acme").problem())
			.startsWith("is not YAML (Global tag is not allowed");
	}

	@Test
	void eachEntryIsCheckedBeforeAnythingIsRead() {
		assertProblem("path: contracts/x.py\nsource: acme/up", "has no \"sha256\"");
		assertProblem("sha256: %s\nsource: acme/up".formatted(SHA), "has no \"path\"");
		assertProblem("path: contracts/x.py\nsha256: %s".formatted(SHA), "has no \"source\"");
		assertProblem("path: ../../etc/passwd\nsha256: %s\nsource: acme/up".formatted(SHA),
				"has a path that is no plain relative path (empty, \".\", \"..\" or \".git\" segments)");
		assertProblem("path: /etc/passwd\nsha256: %s\nsource: acme/up".formatted(SHA),
				"has a path that is no relative path inside the repository");
		assertProblem("path: x.py\nsource-path: a/../../b\nsha256: %s\nsource: acme/up".formatted(SHA),
				"has a source-path that is no plain relative path (empty, \".\", \"..\" or \".git\" segments)");
		assertProblem("path: x.py\nsha256: abc123\nsource: acme/up", "has a sha256 that is not 64 hexadecimal characters");
		assertProblem("path: x.py\nsha256: %sz\nsource: acme/up".formatted(SHA.substring(1)),
				"has a sha256 that is not 64 hexadecimal characters");
		assertProblem("path: x.py\nsha256: %s\nsource: https://evil.example/acme/up".formatted(SHA),
				"has a source that is not owner/name on this forge");
		assertProblem("path: x.py\nsha256: %s\nsource: acme/..".formatted(SHA),
				"has a source that is not owner/name on this forge");
		assertProblem("path: x.py\nsha256: %s\nsource: other-org/up".formatted(SHA),
				"has a source in another organisation (other-org); upstream files are read only in acme");
		assertProblem("path: x.py\nsha256: %s\nsource: acme/up\nref: ../main".formatted(SHA),
				"has a ref that is no plain branch, tag or commit name");
		assertProblem("path: x.py\nsha256: %s\nsource: acme/up\nref: --upload-pack=x".formatted(SHA),
				"has a ref that is no plain branch, tag or commit name");
		assertProblem("path: x.py\npath: y.py\nsha256: %s\nsource: acme/up".formatted(SHA), "has \"path\" twice (line 3)");
		assertProblem("path: [x.py]\nsha256: %s\nsource: acme/up".formatted(SHA), "has a \"path\" that is not text (line 2)");
	}

	@Test
	void aPathLockedTwiceIsInvalidTheSecondTime() {
		ContractLock lock = ContractLock.parse("""
				contracts:
				  - {path: x.py, sha256: %s, source: acme/up}
				  - {path: x.py, sha256: %s, source: acme/other}
				""".formatted(SHA, SHA), "acme");
		assertThat(lock.entries()).extracting(LockEntry::problem).containsExactly(null, "locks x.py a second time");
	}

	private static void assertProblem(String fields, String problem) {
		String entry = "contracts:\n  - " + fields.replace("\n", "\n    ") + "\n";
		assertThat(ContractLock.parse(entry, "acme").entries()).as(fields).singleElement()
			.extracting(LockEntry::problem).isEqualTo(problem);
	}
}
