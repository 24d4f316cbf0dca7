package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it: sub-commands, exit codes, messages. */
@ExtendWith(OutputCaptureExtension.class)
class CliTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.datasource.url=jdbc:h2:mem:cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		return Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void demoFailsOnItsUnlistedPinAndWritesTheReports(CapturedOutput log) {
		int exit = run("scan", "--demo", "--drift.report.dir=" + dir.resolve("reports"));

		assertThat(exit).isEqualTo(1);
		assertThat(stdout()).contains("Demo organisation built in", "Run FAIL (exit 1)",
				dir.resolve("reports/drift-report.html").toString());
		assertThat(dir.resolve("reports/drift-report.json")).content().contains("\"status\": \"fail\"");
		assertThat(dir.resolve("reports/drift-report.md")).content()
			.contains("| **openhands** |");
		assertThat(log.getErr()).contains("Step scan COMPLETED").doesNotContain("\tat ");
		assertThat(log.getOut()).doesNotContain("INFO", "Step scan");
	}

	@Test
	void aReportFolderThatCannotBeWrittenIsFoundBeforeTheRun() throws Exception {
		Path notADirectory = Files.writeString(dir.resolve("file"), "x");

		int exit = run("scan", "--demo", "--drift.report.dir=" + notADirectory.resolve("reports"));

		assertThat(exit).isEqualTo(2);
		assertThat(stdout()).doesNotContain("Run FAIL");
		assertThat(stderr()).contains("drift.report.dir (DRIFT_REPORT_DIR): the reports cannot be written to "
				+ notADirectory.resolve("reports") + ": " + notADirectory + " is a file, not a folder");
	}

	@Test
	void settingOutOfRangeIsNamed() {
		int exit = run("scan", "--drift.scan.concurrency=0");

		assertThat(exit).isEqualTo(2);
		assertThat(stderr())
			.contains("drift.scan.concurrency (DRIFT_SCAN_CONCURRENCY) must be between 1 and 256, not 0");
	}

	@Test
	void anUnknownCommandIsNotEchoedBecauseItMayBeASecret() {
		int exit = Cli.run(List.of("--drift.forge.token", "s3cr3t-value"), new PrintStream(out), new PrintStream(err));

		assertThat(exit).isEqualTo(2);
		assertThat(stderr()).contains("--drift.forge.token has no value", "--drift.forge.token=value")
			.doesNotContain("s3cr3t-value");
		assertThat(Cli.run(List.of("s3cr3t-value"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
		assertThat(stderr()).contains("Unknown command").doesNotContain("s3cr3t-value");
	}

	@Test
	void scanIsTheDefaultCommandAndPassesOnACleanOrg() throws Exception {
		Path org = dir.resolve("org");
		Files.createDirectories(org.resolve("molecule-ai-workspace-runtime"));
		Files.writeString(org.resolve("molecule-ai-workspace-runtime/pyproject.toml"), "[project]\nversion = \"1.2.3\"\n");
		Files.createDirectories(org.resolve("molecule-ai-workspace-template-a"));
		Files.writeString(org.resolve("molecule-ai-workspace-template-a/.runtime-version"), "1.2.3\n");
		Files.writeString(dir.resolve("policy.yml"), "consumers: [molecule-ai-workspace-template-a]\n");

		int exit = run("--drift.forge.type=local", "--drift.forge.root=" + org,
				"--drift.policy-file=" + dir.resolve("policy.yml"), "--drift.report.dir=" + dir.resolve("reports"));

		assertThat(exit).isZero();
		assertThat(stdout()).contains("Run PASS (exit 0)");
		assertThat(dir.resolve("reports/drift-report.json")).content().contains("\"source\": \"fallback-file\"");
	}

	@Test
	void missingBaseUrlIsAConfigurationErrorNamingTheSettingAndWritesNothing(CapturedOutput log) throws Exception {
		Files.writeString(dir.resolve("policy.yml"), "consumers: []\n");

		int exit = run("scan", "--drift.forge.type=gitea", "--drift.policy-file=" + dir.resolve("policy.yml"),
				"--drift.report.dir=" + dir.resolve("reports"));

		assertThat(exit).isEqualTo(2);
		assertThat(stderr()).contains("drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required");
		assertThat(log.getAll()).doesNotContain("\tat ");
		assertThat(dir.resolve("reports")).doesNotExist();
	}

	@Test
	void invalidSettingValueIsAnErrorBeforeAnything() {
		int exit = run("scan", "--drift.scan.concurrency=lots");

		assertThat(exit).isEqualTo(2);
		assertThat(stderr()).contains("consumer-drift could not start",
				"drift.scan.concurrency (DRIFT_SCAN_CONCURRENCY) must be a whole number, not \"lots\" (the default is 8)");
		assertThat(run("scan", "--drift.forge.type=gitlab")).isEqualTo(2);
		assertThat(stderr()).contains("drift.forge.type (DRIFT_FORGE_TYPE) must be one of gitea, github, local, "
				+ "not \"gitlab\"");
	}

	@Test
	void helpAndUnknownCommands() {
		assertThat(Cli.run(List.of("help"), new PrintStream(out), new PrintStream(err))).isZero();
		assertThat(Cli.run(List.of("scan", "--help"), new PrintStream(out), new PrintStream(err))).isZero();
		assertThat(stdout()).contains("scan [-h] [--demo]", "Scan a built-in demo organisation");
		assertThat(Cli.run(List.of("frobnicate"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
		assertThat(stderr()).contains("Unknown command", "--name=value");
	}
}
