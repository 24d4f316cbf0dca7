package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A scan checks its whole configuration before it starts: every problem of every kind is told in one run,
 * each naming the property and its environment variable (or the policy file and line), the exit code is 2,
 * and nothing is created: no database, no report folder, no history row.
 */
class PreflightTests {

	/** A folder no one may write in, even root: the kernel's sysfs refuses new files. */
	private static final Path READ_ONLY = Path.of("/sys");

	@TempDir
	Path dir;

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private Path policy;

	/** A scan of a sound local org, but for the given settings, which replace those of the same name. */
	private int scan(Map<String, String> environment, String... settings) throws IOException {
		if (policy == null) {
			policy = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [molecule-core]\n");
		}
		Map<String, String> all = new LinkedHashMap<>();
		all.put("drift.forge.type", "local");
		all.put("drift.forge.root", dir.toString());
		all.put("drift.policy-file", policy.toString());
		all.put("drift.report.dir", dir.resolve("reports").toString());
		all.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data/consumer-drift"));
		for (String setting : settings) {
			String[] nameValue = setting.substring(2).split("=", 2);
			all.put(nameValue[0], nameValue[1]);
		}
		List<String> args = new ArrayList<>(List.of("scan"));
		all.forEach((name, value) -> args.add("--" + name + "=" + value));
		return Cli.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
				StandardCharsets.UTF_8), environment);
	}

	private int scan(String... settings) throws IOException {
		return scan(Map.of(), settings);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private List<String> problems() {
		return stderr().lines().filter((line) -> line.startsWith("  - ")).map((line) -> line.substring(4)).toList();
	}

	private void assertNothingCreated() throws IOException {
		try (var files = Files.list(dir)) {
			assertThat(files).containsExactly(policy);
		}
	}

	@Test
	void everyPolicyProblemIsToldWithItsFileAndLine() throws IOException {
		policy = Files.writeString(dir.resolve("drift-policy.yml"),
				"consumers:\n  - a\n  - a\nfail-on: [oops]\nmax-lag-releases: -1\n");

		assertThat(scan()).isEqualTo(2);

		assertThat(problems()).hasSize(3).allSatisfy((problem) -> assertThat(problem).startsWith(policy + ":"));
		assertThat(problems()).map((p) -> p.substring(policy.toString().length(), p.indexOf(':', policy.toString().length() + 1)))
			.containsExactly(":3", ":4", ":5");
		assertNothingCreated();
	}

	@Test
	void everyWrongSettingIsToldWithItsVariableAndTheValuesOfOneRecordDoNotHideEachOther() throws IOException {
		assertThat(scan("--drift.scan.concurrency=0", "--drift.scan.chunk-size=0", "--drift.forge.connect-timeout=soon",
				"--drift.history.retention-days=many", "--drift.metrics.pushgateway-url=ftp://metrics"))
			.isEqualTo(2);

		assertThat(problems()).containsExactlyInAnyOrder(
				"drift.scan.concurrency (DRIFT_SCAN_CONCURRENCY) must be between 1 and 256, not 0",
				"drift.scan.chunk-size (DRIFT_SCAN_CHUNK_SIZE) must be between 1 and 10000, not 0",
				"drift.forge.connect-timeout (DRIFT_FORGE_CONNECT_TIMEOUT) must be a duration such as 30s, 5m or 1h, "
						+ "not \"soon\" (the default is 10s)",
				"drift.history.retention-days (DRIFT_HISTORY_RETENTION_DAYS) must be a whole number, not \"many\" "
						+ "(the default is 400)",
				"drift.metrics.pushgateway-url (DRIFT_METRICS_PUSHGATEWAY_URL) must be an http or https URL such as "
						+ "http://pushgateway:9091");
		assertNothingCreated();
	}

	@Test
	void whatTheForgeNeedsIsToldForItsType() throws IOException {
		assertThat(scan("--drift.forge.type=gitea")).isEqualTo(2);
		assertThat(problems()).containsExactly("drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required for "
				+ "drift.forge.type=gitea: set it to the server root, such as https://git.example.com");

		err.reset();
		assertThat(scan("--drift.forge.type=gitlab")).isEqualTo(2);
		assertThat(problems()).containsExactly("drift.forge.type (DRIFT_FORGE_TYPE) must be one of gitea, github, "
				+ "local, not \"gitlab\" (the default is gitea)");

		err.reset();
		assertThat(scan("--drift.forge.root=" + dir.resolve("no-such-org"))).isEqualTo(2);
		assertThat(problems()).singleElement().asString().startsWith("drift.forge.root (DRIFT_FORGE_ROOT) must be an "
				+ "existing folder");
		assertNothingCreated();
	}

	@Test
	void aReportFolderThatCannotBeWrittenSaysWhyAndNamesTheSetting() throws IOException {
		assumeThat(WritableFolder.problem(READ_ONLY)).as("a read-only /sys").isPresent();

		assertThat(scan("--drift.report.dir=" + READ_ONLY.resolve("reports"))).isEqualTo(2);

		assertThat(problems()).containsExactly("drift.report.dir (DRIFT_REPORT_DIR): the reports cannot be written "
				+ "to /sys/reports: permission denied in /sys");
		assertNothingCreated();
	}

	@Test
	void aDatabaseThatCannotBeReachedOrWrittenIsNamed() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(scan("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/drift")).isEqualTo(2);
		assertThat(problems()).singleElement().asString()
			.startsWith("spring.datasource.url (SPRING_DATASOURCE_URL): the database cannot be reached: ")
			.contains("refused");

		assumeThat(WritableFolder.problem(READ_ONLY)).as("a read-only /sys").isPresent();
		err.reset();
		assertThat(scan("--spring.datasource.url=jdbc:h2:file:/sys/drift/consumer-drift")).isEqualTo(2);
		assertThat(problems()).containsExactly("spring.datasource.url (SPRING_DATASOURCE_URL): the history database "
				+ "cannot be written in /sys/drift: permission denied in /sys");
		assertNothingCreated();
	}

	@Test
	void problemsOfEveryKindAreToldInOneRunAndNothingIsCreated() throws IOException {
		policy = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [a, a]\nexempt: [b]\n");
		Path notAFolder = Files.writeString(dir.resolve("reports"), "x");
		long started = System.nanoTime();

		int exit = scan(Map.of("DRIFT_FORGE_BASE_ULR", "https://git.example.com"), "--drift.forge.type=gitea",
				"--drift.scan.concurrency=lots", "--drift.scan.chunk-size=0", "--drift.report.dir=" + notAFolder,
				"--drift.orgg=x");

		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(exit).isEqualTo(2);
		assertThat(stderr()).startsWith("consumer-drift could not start: 8 configuration problems; nothing was run "
				+ "or written.");
		assertThat(problems()).hasSize(8).anySatisfy((p) -> assertThat(p).startsWith("Unknown setting --drift.orgg; "
				+ "did you mean --drift.org?"))
			.anySatisfy((p) -> assertThat(p).startsWith("Unknown environment variable DRIFT_FORGE_BASE_ULR; did you "
					+ "mean DRIFT_FORGE_BASE_URL?"))
			.contains("drift.scan.chunk-size (DRIFT_SCAN_CHUNK_SIZE) must be between 1 and 10000, not 0",
					"drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required for drift.forge.type=gitea: set it to "
							+ "the server root, such as https://git.example.com",
					policy + ":1: consumers[1]: \"a\" is listed twice (first at line 1); keep only one",
					"drift.report.dir (DRIFT_REPORT_DIR): the reports cannot be written to " + notAFolder + ": "
							+ notAFolder + " is a file, not a folder")
			.anySatisfy((p) -> assertThat(p).startsWith("drift.scan.concurrency (DRIFT_SCAN_CONCURRENCY) must be a "
					+ "whole number"))
			.anySatisfy((p) -> assertThat(p).startsWith(policy + ":2: exempt[0]: must be a mapping"));
		try (var files = Files.list(dir)) {
			assertThat(files).containsExactlyInAnyOrder(policy, notAFolder);
		}
		// Found before Spring creates its context: well under the start-up of a run.
		assertThat(millis).isLessThan(8_000);
	}
}
