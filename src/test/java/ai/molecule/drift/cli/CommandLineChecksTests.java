package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes on the command line and in the environment are caught before anything starts or is written: each
 * says what is wrong (with a "did you mean" when a name is close) and the run exits 2 having created nothing.
 */
class CommandLineChecksTests {

	@TempDir
	Path dir;

	private ByteArrayOutputStream out = new ByteArrayOutputStream();

	private ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(Map<String, String> environment, String... args) {
		out = new ByteArrayOutputStream();
		err = new ByteArrayOutputStream();
		return Cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
	}

	private int run(String... args) {
		return run(Map.of(), args);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private List<Path> created() throws Exception {
		try (var files = Files.list(dir)) {
			return new ArrayList<>(files.toList());
		}
	}

	@Test
	void aMisspelledOptionIsRejectedWithTheCloseOneBeforeAnyScan() throws Exception {
		String reports = "--drift.report.dir=" + dir.resolve("reports");
		String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/db");
		assertThat(run("scan", "--dmeo", reports, database)).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --dmeo; did you mean --demo?");
		assertThat(run("--dmeo", reports, database)).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --dmeo; did you mean --demo?");
		assertThat(run("scan", "--demo", "--verbose", reports, database)).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --verbose.");
		assertThat(created()).isEmpty();
	}

	@Test
	void aMisspelledSettingIsRejectedWithTheCloseOne() throws Exception {
		assertThat(run("scan", "--demo", "--drift.scan.concurency=4", "--drift.report.dir=" + dir)).isEqualTo(2);
		assertThat(stderr()).contains("\n  - Unknown setting --drift.scan.concurency; did you mean --drift.scan.concurrency?");
		assertThat(run("history", "trend", "--drift.orgg=x", "--drift.forge.typ=github")).isEqualTo(2);
		assertThat(stderr()).contains("Unknown setting --drift.orgg; did you mean --drift.org?",
				"Unknown setting --drift.forge.typ; did you mean --drift.forge.type?");
		assertThat(run("scan", "--drift.nothing-like-any-setting=1")).isEqualTo(2);
		assertThat(stderr()).contains("\n  - Unknown setting --drift.nothing-like-any-setting.").doesNotContain("=1");
		assertThat(created()).isEmpty();
	}

	@Test
	void relaxedNamesListsAndOtherFrameworksSettingsAreAccepted() {
		SettingsCheck check = new SettingsCheck(SettingNames.fromMetadata());
		assertThat(check.problems(List.of("--drift.scan.chunkSize=5", "--drift.forge.base_url=https://x",
				"--drift.publish.labels[0]=drift", "--spring.datasource.url=jdbc:h2:mem:x",
				"--logging.level.root=INFO"), Map.of("DRIFT_FORGE_BASE_URL", "https://x", "DRIFT_PUBLISH_LABELS_0", "a",
						"DRIFT_SCAN_CHUNKSIZE", "5", "PATH", "/bin")))
			.isEmpty();
	}

	@Test
	void aMisspelledEnvironmentVariableIsRejectedWithTheCloseOne() throws Exception {
		assertThat(run(Map.of("DRIFT_FORGE_BASE_ULR", "https://git.example.com", "DRIFT_TOKEN", "s3cret"), "scan",
				"--demo", "--drift.report.dir=" + dir)).isEqualTo(2);
		assertThat(stderr()).contains("Unknown environment variable DRIFT_FORGE_BASE_ULR; did you mean DRIFT_FORGE_BASE_URL?",
				"Unknown environment variable DRIFT_TOKEN").doesNotContain("s3cret");
		assertThat(created()).isEmpty();
	}

	@Test
	void historyNeverCreatesADatabaseAndSaysWhereItLooked() throws Exception {
		Path database = dir.resolve("data/consumer-drift");
		assertThat(run("history", "trend", "--spring.datasource.url=jdbc:h2:file:" + database)).isEqualTo(2);
		assertThat(stderr()).startsWith("No history database at " + database + ".mv.db")
			.contains("spring.datasource.url (SPRING_DATASOURCE_URL)");
		assertThat(created()).isEmpty();
	}

	@Test
	void aBaseUrlWithoutSchemeOrHostIsNamedAndNotEchoed() {
		assertThat(run("scan", "--drift.forge.base-url=user:s3cret@git.example.com",
				"--spring.datasource.url=jdbc:h2:mem:checks", "--drift.report.dir=" + dir)).isEqualTo(2);
		assertThat(stderr()).contains("drift.forge.base-url (DRIFT_FORGE_BASE_URL) must be an http or https URL")
			.doesNotContain("null://", "s3cret");
	}

	@Test
	void anInternalErrorIsNotCalledAConfigurationError() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int exit = Cli.internalError(new IllegalStateException("no value"), new PrintStream(buffer, true,
				StandardCharsets.UTF_8));
		assertThat(exit).isEqualTo(2);
		assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("consumer-drift stopped on an internal error")
			.doesNotContain("could not start", "\tat ");
	}
}
