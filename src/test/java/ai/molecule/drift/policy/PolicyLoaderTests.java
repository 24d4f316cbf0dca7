package ai.molecule.drift.policy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.model.FindingCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class PolicyLoaderTests {

	private static final String SETTING = "drift.policy-file (env DRIFT_POLICY_FILE)";

	private static final String VALID_CODES = "unlisted-pinned, pin-drift, lag-exceeded, missing-pin, missing-repo, "
			+ "stale-exemption, exemption-expired, invalid-pin, unknown-version, ahead-of-ssot, inconsistent-pin, "
			+ "vendored-runtime, contract-lock-mismatch, contract-drift, contract-source-missing, contract-invalid-lock, "
			+ "contract-not-adopted, unreadable";

	private static final String RULE_TEXT = "a bare repository name (letters, digits, '.', '_' and '-', at most 100; "
			+ "no owner/ prefix, no spaces)";

	private final PolicyLoader loader = new PolicyLoader();

	@TempDir
	Path dir;

	private Policy parse(String yaml) {
		return loader.parse(yaml, "drift-policy.yml");
	}

	private void assertError(String yaml, String message) {
		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> parse(yaml)).withMessage(message);
	}

	private static Path fixture(String name) throws URISyntaxException {
		return Path.of(PolicyLoaderTests.class.getResource(name).toURI());
	}

	@Nested
	class ValidPolicies {

		@Test
		void contractExampleLoads() throws Exception {
			Policy policy = loader.load(fixture("contract-example.yml"));
			assertThat(policy).isEqualTo(new Policy(
					List.of("molecule-ai-workspace-template-claude-code", "molecule-core"),
					List.of(new Exemption("molecule-ai-workspace-template-seo-agent",
							"config/prompts-only template; no Dockerfile, no image, nothing to keep in sync",
							LocalDate.of(2027, 6, 30))),
					10, Set.of(FindingCode.UNLISTED_PINNED)));
		}

		@Test
		void theStarterPolicyAtTheTopOfTheProjectLoads() {
			Policy policy = loader.load(Path.of("drift-policy.example.yml"));
			assertThat(policy.consumers()).contains("molecule-core");
			assertThat(policy.exemptions()).singleElement().extracting(Exemption::reason).asString().isNotBlank();
			assertThat(policy.failOn()).containsExactly(FindingCode.UNLISTED_PINNED);
		}

		@Test
		void commentsQuotesFoldedTextAndPastExpiryAreFine() throws Exception {
			Policy policy = loader.load(fixture("commented.yml"));
			assertThat(policy.consumers()).containsExactly("molecule-ai-workspace-template-claude-code",
					"molecule-ai-workspace-template-langgraph", "molecule-core");
			assertThat(policy.exemptions()).containsExactly(
					new Exemption("molecule-ai-workspace-template-seo-agent",
							"config/prompts-only template; no Dockerfile, no image", LocalDate.of(2020, 1, 31)),
					new Exemption("molecule-ai-workspace-template-legacy", "archived next quarter", null));
			assertThat(policy.maxLagReleases()).isNull();
			assertThat(policy.failOn()).containsExactlyInAnyOrder(FindingCode.UNLISTED_PINNED, FindingCode.LAG_EXCEEDED);
		}

		@Test
		void byteOrderMarkAndCrlfAreAccepted() throws IOException {
			Path file = dir.resolve("drift-policy.yml");
			String yaml = "\uFEFFconsumers:\r\n  - molecule-core\r\nmax-lag-releases: 3\r\n";
			Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
			assertThat(loader.load(file)).isEqualTo(new Policy(List.of("molecule-core"), List.of(), 3, Set.of()));
		}

		@Test
		void crlfKeepsLineNumbersRight() {
			assertError("\uFEFFconsumers:\r\n  - a\r\n  - b\r\n  - a\r\n",
					"drift-policy.yml:4: consumers[2]: \"a\" is listed twice (first at line 2); keep only one");
		}

		@Test
		void policyWithNoConsumersAndNoExemptionsIsAllowed() {
			Policy empty = new Policy(List.of(), List.of(), null, Set.of());
			assertThat(parse("consumers: []\n")).isEqualTo(empty);
			assertThat(parse("consumers:\n  # - molecule-core\nexempt:\n")).isEqualTo(empty);
			assertThat(parse("max-lag-releases: 0\n")).isEqualTo(new Policy(List.of(), List.of(), 0, Set.of()));
		}

		@Test
		void repoNamesMayBeNumbersOrKeywordsInYaml() {
			assertThat(parse("consumers: [123, yes, 'null-agent', v1.2_x]\n").consumers())
				.containsExactly("123", "yes", "null-agent", "v1.2_x");
		}

		@Test
		void smallAliasesAreAllowed() {
			assertThat(parse("consumers: &all [a, b]\nfail-on: [pin-drift]\n").consumers()).containsExactly("a", "b");
		}
	}

	@Nested
	class SeveralProblems {

		@Test
		void everyProblemIsReportedOnceWithItsLineInTheFilesOrder() {
			String yaml = """
					consumers:
					  - molecule-core
					  - org/bad-name
					  - molecule-core
					exempt:
					  - repo: molecule-ai-workspace-template-x
					  - repo: molecule-core
					    reason: listed above too
					    expires: tomorrow
					max-lag-releases: "10"
					fail-on: [unlisted-pinned, oops]
					max-lag: 3
					""";
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> parse(yaml))
				.satisfies(ex -> assertThat(ex.problems()).containsExactly(
						"drift-policy.yml:3: consumers[1]: must be " + RULE_TEXT + ", not \"org/bad-name\"",
						"drift-policy.yml:4: consumers[2]: \"molecule-core\" is listed twice (first at line 2); "
								+ "keep only one",
						"drift-policy.yml:6: exempt[0] (molecule-ai-workspace-template-x): \"reason\" is required and "
								+ "must not be blank",
						"drift-policy.yml:9: exempt[1] (molecule-core): \"expires\" must be a date written YYYY-MM-DD "
								+ "(leave it out for no expiry), not \"tomorrow\"",
						"drift-policy.yml:10: max-lag-releases: must be a whole number of releases, 0 or more (leave "
								+ "it out for no limit), not \"10\" (quoted, so it is text)",
						"drift-policy.yml:11: fail-on[1]: unknown finding code \"oops\"; valid codes are " + VALID_CODES,
						"drift-policy.yml:12: unknown top-level key \"max-lag\"; allowed keys are consumers, exempt, "
								+ "max-lag-releases, fail-on, contracts-required, propose"))
				.withMessageStartingWith("drift-policy.yml:3: ")
				.withMessageContaining("\ndrift-policy.yml:12: ");
		}

		@Test
		void anExemptionAlsoListedAsAConsumerIsReportedBesideTheOtherProblems() {
			assertThatExceptionOfType(PolicyException.class)
				.isThrownBy(() -> parse("consumers: [a]\nexempt:\n  - repo: a\n    reason: r\nfail-on: [x]\n"))
				.satisfies(ex -> assertThat(ex.problems()).hasSize(2)
					.first()
					.asString()
					.startsWith("drift-policy.yml:3: exempt[0] (a): \"a\" is also listed in consumers (at line 1)"));
		}
	}

	@Nested
	class TheFile {

		@Test
		void missingFileNamesPathAndSetting() {
			Path file = dir.resolve("nope.yml");
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(file))
				.withMessage("Policy file " + file + " does not exist; create it or set "
						+ SETTING + " to its path");
		}

		@Test
		void relativePathIsShownAsGivenAndResolved() {
			Path file = Path.of("no-such-dir", "drift-policy.yml");
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(file))
				.withMessageStartingWith("Policy file no-such-dir/drift-policy.yml (resolved to "
						+ file.toAbsolutePath() + ") does not exist");
		}

		@Test
		void directoryIsRejected() {
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(dir))
				.withMessage("Policy file " + dir + " is a directory; set " + SETTING
						+ " to the YAML file itself");
		}

		@Test
		void unreadableFileIsRejected() throws IOException {
			Path file = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: []\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
			// Root reads anything, so this case can only be checked as an ordinary user.
			assumeThat(Files.isReadable(file)).isFalse();
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(file))
				.withMessage("Policy file " + file + " cannot be read (permission denied); "
						+ "check its permissions or set " + SETTING + " to a readable file");
		}

		@Test
		void oversizedFileIsRejected() throws IOException {
			Path file = Files.writeString(dir.resolve("drift-policy.yml"), "#".repeat(PolicyLoader.MAX_SIZE + 1));
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(file))
				.withMessage("Policy file " + file + " is larger than the 1 MiB limit; "
						+ "check that " + SETTING + " names the policy file");
		}

		@Test
		void oversizedTextIsRejected() {
			assertThatExceptionOfType(PolicyException.class)
				.isThrownBy(() -> parse("#" + "x".repeat(PolicyLoader.MAX_SIZE + 1)))
				.withMessage("drift-policy.yml: the policy is larger than the 1 MiB limit");
		}

		@Test
		void nonUtf8BytesNameTheLine() throws IOException {
			Path file = dir.resolve("drift-policy.yml");
			byte[] latin1 = "consumers:\n  - caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
			Files.write(file, latin1);
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(file))
				.withMessage(file + ":2: not UTF-8 text; save the policy file as UTF-8");
		}

		@Test
		void errorsInsideTheFileStartWithItsPath() throws IOException {
			Path file = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: []\nfail-on: [oops]\n");
			assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.load(file))
				.withMessageStartingWith(file + ":2: fail-on[0]: unknown finding code \"oops\"");
		}
	}

	@Nested
	class TheDocument {

		@Test
		void emptyFileIsRejected() {
			String message = "drift-policy.yml: the policy file is empty; an empty policy is written \"consumers: []\"";
			assertError("", message);
			assertError("# nothing yet\n\n", message);
			assertError("---\n", message);
		}

		@Test
		void topLevelMustBeAMapping() {
			assertError("# the consumers\n- molecule-core\n", "drift-policy.yml:2: the policy must be a mapping with "
					+ "the keys consumers, exempt, max-lag-releases, fail-on, contracts-required, propose, not a list");
			assertError("molecule-core\n", "drift-policy.yml:1: the policy must be a mapping with the keys consumers, "
					+ "exempt, max-lag-releases, fail-on, contracts-required, propose, not \"molecule-core\"");
		}

		@Test
		void malformedYamlGivesSnakeYamlsProblemAndLine() {
			assertError("consumers:\n  - a\n    b: c\n",
					"drift-policy.yml:3: not valid YAML: mapping values are not allowed here, at column 6");
			assertError("consumers: ['a\n",
					"drift-policy.yml:2: not valid YAML: found unexpected end of stream (while scanning a quoted scalar "
							+ "started at line 1), at column 1");
		}

		@Test
		void tabIndentationIsMalformed() {
			assertError("consumers:\n\t- a\n", "drift-policy.yml:2: not valid YAML: found character '\\t(TAB)' that "
					+ "cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next "
					+ "token), at column 1");
		}

		@Test
		void secondDocumentIsRejected() {
			assertError("consumers: [a]\n---\nexempt: []\n", "drift-policy.yml:2: not valid YAML: but found another "
					+ "document (expected a single document in the stream started at line 1), at column 1");
		}

		@Test
		void unknownTopLevelKeyListsTheAllowedOnes() {
			assertError("consumers: []\nmax-lag: 3\n", "drift-policy.yml:2: unknown top-level key \"max-lag\"; "
					+ "allowed keys are consumers, exempt, max-lag-releases, fail-on, contracts-required, propose");
		}

		@Test
		void duplicateTopLevelKeyNamesBothLines() {
			assertError("consumers: [a]\nexempt: []\nconsumers: [b]\n",
					"drift-policy.yml:3: duplicate key \"consumers\" (first at line 1); keep only one");
		}

		@Test
		void mergeKeysAreNotExpanded() {
			assertError("<<: {consumers: [a]}\n", "drift-policy.yml:1: unknown top-level key \"<<\"; allowed keys are "
					+ "consumers, exempt, max-lag-releases, fail-on, contracts-required, propose");
		}

		@Test
		void complexKeysAreRejected() {
			assertError("? [consumers]\n: [a]\n", "drift-policy.yml:1: a key must be a plain name, not a list");
		}
	}

	@Nested
	class Consumers {

		private static final String RULE = "must be a bare repository name (letters, digits, '.', '_' and '-', "
				+ "at most 100; no owner/ prefix, no spaces), not ";

		@Test
		void mustBeAList() {
			assertError("consumers: molecule-core\n",
					"drift-policy.yml:1: consumers: must be a list of repository names, not \"molecule-core\"");
			assertError("consumers:\n  molecule-core: yes\n",
					"drift-policy.yml:2: consumers: must be a list of repository names, not a mapping");
		}

		@Test
		void blankOrNestedEntriesAreRejected() {
			assertError("consumers:\n  - a\n  -\n",
					"drift-policy.yml:3: consumers[1]: must be a repository name, not empty");
			assertError("consumers:\n  - ''\n", "drift-policy.yml:2: consumers[0]: must be a repository name, not \"\"");
			assertError("consumers:\n  - [a, b]\n",
					"drift-policy.yml:2: consumers[0]: must be a repository name, not a list");
			assertError("consumers:\n  - repo: a\n",
					"drift-policy.yml:2: consumers[0]: must be a repository name, not a mapping");
		}

		@Test
		void implausibleNamesAreRejected() {
			assertError("consumers:\n  - molecule-ai/molecule-core\n",
					"drift-policy.yml:2: consumers[0]: " + RULE + "\"molecule-ai/molecule-core\"");
			assertError("consumers:\n  - a\n  - molecule core\n",
					"drift-policy.yml:3: consumers[1]: " + RULE + "\"molecule core\"");
			assertError("consumers: [\"caf\u00e9\"]\n", "drift-policy.yml:1: consumers[0]: " + RULE + "\"caf\u00e9\"");
			assertError("consumers: ['..']\n", "drift-policy.yml:1: consumers[0]: " + RULE + "\"..\"");
			String tooLong = "a".repeat(101);
			assertError("consumers: [" + tooLong + "]\n",
					"drift-policy.yml:1: consumers[0]: " + RULE + "\"" + "a".repeat(57) + "...\"");
		}

		@Test
		void surroundingWhitespaceInQuotesIsTrimmed() {
			assertThat(parse("consumers: [' molecule-core ']\n").consumers()).containsExactly("molecule-core");
		}

		@Test
		void duplicatesNameBothLines() {
			assertError("consumers:\n  - a\n  - b\n  - a\n",
					"drift-policy.yml:4: consumers[2]: \"a\" is listed twice (first at line 2); keep only one");
		}

		@Test
		void duplicatesDifferingInCaseAreDuplicates() {
			assertError("consumers:\n  - Molecule-Core\n  - molecule-core\n",
					"drift-policy.yml:3: consumers[1]: \"molecule-core\" is listed twice (first at line 2 as "
							+ "\"Molecule-Core\"; repository names are not case-sensitive); keep only one");
		}
	}

	@Nested
	class Exemptions {

		@Test
		void mustBeAListOfMappings() {
			assertError("exempt:\n  repo: a\n", "drift-policy.yml:2: exempt: must be a list of entries with \"repo\", "
					+ "\"reason\" and optional \"expires\", not a mapping");
			assertError("exempt:\n  - molecule-x\n", "drift-policy.yml:2: exempt[0]: must be a mapping such as "
					+ "\"- repo: NAME\" with \"reason: WHY\", not \"molecule-x\"");
		}

		@Test
		void repoIsRequired() {
			assertError("exempt:\n  - reason: no image\n",
					"drift-policy.yml:2: exempt[0]: \"repo\" is required (the name of the exempt repository)");
		}

		@Test
		void repoMustBeARepositoryName() {
			assertError("exempt:\n  - repo:\n    reason: r\n",
					"drift-policy.yml:2: exempt[0]: \"repo\" must be a repository name, not empty");
			assertError("exempt:\n  - repo: org/x\n    reason: r\n", "drift-policy.yml:2: exempt[0]: \"repo\" must be "
					+ "a bare repository name (letters, digits, '.', '_' and '-', at most 100; no owner/ prefix, "
					+ "no spaces), not \"org/x\"");
		}

		@Test
		void reasonIsRequiredAndNotBlank() {
			String yaml = """
					consumers:
					  - molecule-core
					exempt:
					  - repo: molecule-ai-workspace-template-a
					    reason: no image
					  - repo: molecule-ai-workspace-template-x
					    expires: 2027-01-01
					""";
			assertError(yaml, "drift-policy.yml:6: exempt[1] (molecule-ai-workspace-template-x): \"reason\" is "
					+ "required and must not be blank");
			assertError("exempt:\n  - repo: x\n    reason: '  '\n",
					"drift-policy.yml:3: exempt[0] (x): \"reason\" is required and must not be blank");
			assertError("exempt:\n  - repo: x\n    reason:\n",
					"drift-policy.yml:3: exempt[0] (x): \"reason\" is required and must not be blank");
			assertError("exempt:\n  - repo: x\n    reason: [a, b]\n",
					"drift-policy.yml:3: exempt[0] (x): \"reason\" must be text, not a list");
		}

		@Test
		void unknownKeyListsTheAllowedOnes() {
			assertError("exempt:\n  - repo: x\n    reason: r\n    until: 2027-01-01\n", "drift-policy.yml:4: "
					+ "exempt[0] (x): unknown key \"until\"; allowed keys are repo, reason, expires");
			assertError("exempt:\n  - rpo: x\n    reason: r\n", "drift-policy.yml:2: exempt[0]: unknown key \"rpo\"; "
					+ "allowed keys are repo, reason, expires\n"
					+ "drift-policy.yml:2: exempt[0]: \"repo\" is required (the name of the exempt repository)");
		}

		@Test
		void duplicateKeyInAnEntryNamesBothLines() {
			assertError("exempt:\n  - repo: x\n    reason: r\n    reason: s\n",
					"drift-policy.yml:4: exempt[0]: duplicate key \"reason\" (first at line 3); keep only one");
		}

		@Test
		void expiresMustBeAnIsoDate() {
			String message = "drift-policy.yml:4: exempt[0] (x): \"expires\" must be a date written YYYY-MM-DD "
					+ "(leave it out for no expiry), not ";
			String entry = "exempt:\n  - repo: x\n    reason: r\n    expires: ";
			assertError(entry + "30/06/2027\n", message + "\"30/06/2027\"");
			assertError(entry + "2027-6-30\n", message + "\"2027-6-30\"");
			assertError(entry + "2027-02-30\n", message + "\"2027-02-30\"");
			assertError(entry + "2027-06-30T00:00:00Z\n", message + "\"2027-06-30T00:00:00Z\"");
			assertError(entry + "\n", message + "empty");
		}

		@Test
		void expiresMayBeQuotedOrInThePast() {
			assertThat(parse("exempt:\n  - {repo: x, reason: r, expires: '2027-06-30'}\n").exemptions())
				.containsExactly(new Exemption("x", "r", LocalDate.of(2027, 6, 30)));
			assertThat(parse("exempt:\n  - {repo: x, reason: r, expires: 2001-01-01}\n").exemptions())
				.containsExactly(new Exemption("x", "r", LocalDate.of(2001, 1, 1)));
		}

		@Test
		void duplicateRepoNamesBothLines() {
			assertError("exempt:\n  - repo: x\n    reason: r\n  - repo: X\n    reason: s\n",
					"drift-policy.yml:4: exempt[1] (X): \"X\" is exempted twice (first at line 2 as \"x\"; repository "
							+ "names are not case-sensitive); keep only one entry");
		}

		@Test
		void repoBothConsumerAndExemptNamesBothLines() {
			String yaml = """
					exempt:
					  - repo: molecule-core
					    reason: platform
					consumers:
					  - molecule-core
					""";
			assertError(yaml, "drift-policy.yml:2: exempt[0] (molecule-core): \"molecule-core\" is also listed in "
					+ "consumers (at line 5); a repository is either a consumer or exempt, so remove it from one list");
		}
	}

	@Nested
	class MaxLagReleases {

		private static final String MESSAGE = "drift-policy.yml:1: max-lag-releases: must be a whole number of "
				+ "releases, 0 or more (leave it out for no limit), not ";

		@Test
		void acceptsNonNegativeIntegers() {
			assertThat(parse("max-lag-releases: 0\n").maxLagReleases()).isZero();
			assertThat(parse("max-lag-releases: 26\n").maxLagReleases()).isEqualTo(26);
		}

		@Test
		void rejectsEverythingElse() {
			assertError("max-lag-releases: -1\n", MESSAGE + "-1");
			assertError("max-lag-releases: 2.5\n", MESSAGE + "2.5");
			assertError("max-lag-releases: ten\n", MESSAGE + "\"ten\"");
			assertError("max-lag-releases: \"10\"\n", MESSAGE + "\"10\" (quoted, so it is text)");
			assertError("max-lag-releases: 0x10\n", MESSAGE + "0x10");
			assertError("max-lag-releases: 99999999999\n", MESSAGE + "99999999999");
			assertError("max-lag-releases:\n", MESSAGE + "empty");
			assertError("max-lag-releases: [10]\n", MESSAGE + "a list");
		}
	}

	@Nested
	class FailOn {

		@Test
		void acceptsKnownCodesInEitherListStyle() {
			assertThat(parse("fail-on: [unlisted-pinned, pin-drift]\n").failOn())
				.containsExactlyInAnyOrder(FindingCode.UNLISTED_PINNED, FindingCode.PIN_DRIFT);
			assertThat(parse("fail-on:\n  - lag-exceeded\n  - lag-exceeded\n").failOn())
				.containsExactly(FindingCode.LAG_EXCEEDED);
		}

		@Test
		void unknownCodeListsTheValidOnes() {
			assertError("fail-on:\n  - pin-drift\n  - pin-drfit\n",
					"drift-policy.yml:3: fail-on[1]: unknown finding code \"pin-drfit\"; valid codes are " + VALID_CODES);
			assertError("fail-on: [Pin-Drift]\n",
					"drift-policy.yml:1: fail-on[0]: unknown finding code \"Pin-Drift\"; valid codes are " + VALID_CODES);
		}

		@Test
		void mustBeAList() {
			assertError("fail-on: unlisted-pinned\n", "drift-policy.yml:1: fail-on: must be a list of finding codes "
					+ "such as [unlisted-pinned], not \"unlisted-pinned\"");
		}
	}

	@Nested
	class UnsafeYaml {

		@Test
		void typeConstructingTagsAreRejected() {
			assertError("consumers: !!javax.script.ScriptEngineManager [a]\n", "drift-policy.yml:1: not valid YAML: "
					+ "Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager, at column 12");
		}

		@Test
		void localTagsAreRejected() {
			assertError("consumers:\n  - !repo a\n", "drift-policy.yml:2: YAML tag \"!repo\" is not allowed; the "
					+ "policy holds only plain text, numbers, lists and mappings, so remove the tag");
			assertError("consumers:\n  - !!binary YQ==\n", "drift-policy.yml:2: YAML tag \"!!binary\" is not "
					+ "allowed; the policy holds only plain text, numbers, lists and mappings, so remove the tag");
		}

		@Test
		void aliasBombIsStopped() {
			String yaml = """
					a: &a [x, x, x, x, x, x, x, x, x]
					b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
					c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
					d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
					""";
			assertError(yaml, "drift-policy.yml:4: not valid YAML: Number of aliases for non-scalar nodes exceeds "
					+ "the specified max=20");
		}

		@Test
		void deepNestingIsStopped() {
			assertError("consumers: " + "[".repeat(30) + "]".repeat(30) + "\n",
					"drift-policy.yml:1: not valid YAML: Nesting Depth exceeded max 20");
		}

		@Test
		void recursiveAliasDoesNotLoop() {
			assertError("consumers: &c [a, *c]\n",
					"drift-policy.yml:1: consumers[1]: must be a repository name, not a list");
		}
	}
}
