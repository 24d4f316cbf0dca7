package ai.molecule.drift.propose;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.classify.RepoClassifier;
import ai.molecule.drift.classify.RepoSnapshot;
import ai.molecule.drift.classify.RuntimePins;
import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

/** The bump changes the version text and nothing else, byte for byte, and the result scans as in sync. */
class PinRewriteTests {

	private static final Version TARGET = Version.of(0, 3, 21);

	@Test
	void keepsLineEndingsAByteOrderMarkAndSurroundingSpace() {
		assertRewrites(RuntimePins.PIN_FILE, "0.3.11\n", "0.3.21\n");
		assertRewrites(RuntimePins.PIN_FILE, "0.3.11\r\n", "0.3.21\r\n");
		assertRewrites(RuntimePins.PIN_FILE, "0.3.11", "0.3.21");
		assertRewrites(RuntimePins.PIN_FILE, "  v0.3.11 \n", "  0.3.21 \n");
		byte[] bom = bytes("\uFEFF0.3.11\r\n");
		byte[] rewritten = PinRewrite.apply(Map.of(RuntimePins.PIN_FILE, bom), TARGET).get(RuntimePins.PIN_FILE);
		assertThat(rewritten).isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '0', '.', '3', '.', '2', '1',
				'\r', '\n' });
	}

	@Test
	void setsEveryDockerfileArgThatPinsAndLeavesVariablesAlone() {
		String dockerfile = "FROM python:3.12-slim AS build\r\nARG RUNTIME_VERSION=0.3.11\r\nRUN pip install "
				+ "molecule-ai-workspace-runtime==${RUNTIME_VERSION}\r\n\r\nFROM python:3.12-slim\r\n"
				+ "  arg runtime_version = \"0.3.11\"  \r\nARG OTHER_VERSION=0.3.11\r\nARG RUNTIME_VERSION=${BASE}\r\n";
		assertRewrites(RuntimePins.DOCKERFILE, dockerfile, dockerfile.replace("RUNTIME_VERSION=0.3.11", "RUNTIME_VERSION=0.3.21")
			.replace("runtime_version = \"0.3.11\"", "runtime_version = \"0.3.21\""));
	}

	@Test
	void setsTheRequirementWithExtrasAndCommentsKept() {
		String requirements = "# runtime\nhttpx==0.28.1\nMolecule_AI.workspace-runtime[tools, redis] == 0.3.11 ; python_version>'3.9'  # pinned\n"
				+ "molecule-ai-workspace-runtime-extras==0.3.11\n";
		assertRewrites(RuntimePins.REQUIREMENTS, requirements, requirements.replace("== 0.3.11 ;", "== 0.3.21 ;"));
	}

	@Test
	void aFileWithoutAPinOrAlreadyAtTheTargetIsNotChanged() {
		Map<String, byte[]> files = new HashMap<>();
		files.put(RuntimePins.PIN_FILE, bytes("0.3.21\n"));
		files.put(RuntimePins.DOCKERFILE, bytes("FROM python:3.12\nRUN pip install molecule-ai-workspace-runtime\n"));
		files.put(RuntimePins.REQUIREMENTS, bytes("httpx==0.28.1\n"));
		assertThat(PinRewrite.apply(files, TARGET)).isEmpty();
		assertThat(PinRewrite.apply(Map.of(), TARGET)).isEmpty();
	}

	@Test
	void theRewrittenTemplateScansAsInSyncWithoutAnInconsistentPin() {
		Map<String, byte[]> files = Map.of(RuntimePins.PIN_FILE, bytes("\uFEFF0.3.11\r\n"), RuntimePins.DOCKERFILE,
				bytes("FROM x AS a\nARG RUNTIME_VERSION=0.3.11\nFROM y\nARG RUNTIME_VERSION='0.3.11'\n"),
				RuntimePins.REQUIREMENTS, bytes("molecule-ai-workspace-runtime[all]==0.3.11  # keep\n"));
		Map<String, byte[]> after = new HashMap<>(files);
		after.putAll(PinRewrite.apply(files, TARGET));
		List<Release> releases = List.of(new Release(Version.of(0, 3, 11), "runtime-v0.3.11", null),
				new Release(TARGET, "runtime-v0.3.21", null));
		RepoClassifier classifier = new RepoClassifier(new Policy(List.of("t"), List.of(), null, Set.of()),
				ReleaseLine.ofReleases(releases), LocalDate.of(2026, 12, 1));
		RepoResult result = classifier.classify(new RepoSnapshot("t", true, false, text(after, RuntimePins.PIN_FILE),
				text(after, RuntimePins.DOCKERFILE), text(after, RuntimePins.REQUIREMENTS), List.of(), null));
		assertThat(result.lag().releases()).isZero();
		assertThat(result.findings()).extracting((finding) -> finding.code()).doesNotContain(FindingCode.INCONSISTENT_PIN)
			.isEmpty();
	}

	private static void assertRewrites(String path, String before, String after) {
		Map<String, byte[]> changed = PinRewrite.apply(Map.of(path, bytes(before)), TARGET);
		assertThat(new String(changed.get(path), StandardCharsets.UTF_8)).isEqualTo(after);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Map<String, byte[]> files, String path) {
		return new String(files.get(path), StandardCharsets.UTF_8);
	}
}
