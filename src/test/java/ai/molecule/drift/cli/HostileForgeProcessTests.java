package ai.molecule.drift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.HostileForge;
import ai.molecule.drift.forge.HostileOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job as its own process with a small heap ({@code -Xmx128m}) that dies on the first
 * {@link OutOfMemoryError} ({@code -XX:+ExitOnOutOfMemoryError}, exit 3), against a forge answering with
 * gzip bombs, endless bodies and huge JSON arrays: with the default body size limits no answer may end
 * the process other than with 0, 1 or 2, and these end it with 2 and reports that say why.
 */
class HostileForgeProcessTests {

	private static final String ORG = "molecule-ai";

	private static final String T = "molecule-ai-workspace-template-";

	@TempDir
	Path dir;

	private HostileForge forge;

	@AfterEach
	void stop() throws IOException {
		if (forge != null) {
			forge.close();
		}
	}

	@Test
	void repositoriesThatFloodEndTheRunWithExit2AndReports() throws Exception {
		HostileOrg org = new HostileOrg(ORG, "molecule-ai-workspace-runtime").clean(T + "clean");
		for (int i = 0; i < 3; i++) {
			org.repo(T + "bomb-" + i, HostileForge.gzipBomb(2L << 30))
				.repo(T + "endless-" + i, HostileForge.endlessChunked())
				.repo(T + "tokens-" + i, HostileForge.hugeArray(600_000))
				.repo(T + "array-" + i, HostileForge.hugeArray(5_000_000));
		}
		forge = HostileForge.start(org);

		Process scan = scan();

		assertThat(scan.waitFor(120, TimeUnit.SECONDS)).as("the run ends").isTrue();
		assertThat(scan.exitValue()).as(log()).isEqualTo(2);
		String report = Files.readString(dir.resolve("reports/drift-report.json"));
		assertThat(report).contains("\"status\": \"error\"", T + "bomb-0", "drift.forge.max-body-size.file",
				"JSON values");
		assertThat(dir.resolve("reports/drift-report.html")).exists();
		assertThat(dir.resolve("reports/drift-report.md")).exists();
	}

	@Test
	void anOrgListingThatFloodsEndsTheRunWithExit2AndReports() throws Exception {
		HostileOrg org = new HostileOrg(ORG, "molecule-ai-workspace-runtime").clean(T + "clean");
		org.listing((target) -> HostileForge.gzipBomb(2L << 30));
		forge = HostileForge.start(org);

		Process scan = scan();

		assertThat(scan.waitFor(120, TimeUnit.SECONDS)).as("the run ends").isTrue();
		assertThat(scan.exitValue()).as(log()).isEqualTo(2);
		assertThat(Files.readString(dir.resolve("reports/drift-report.json"))).contains("\"status\": \"error\"",
				"drift.forge.max-body-size.page");
	}

	private Process scan() throws IOException {
		Files.writeString(dir.resolve("policy.yml"), "consumers: []\n");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), "ai.molecule.drift.cli.Cli", "scan",
				"--drift.forge.base-url=" + forge.baseUrl(), "--drift.policy-file=" + dir.resolve("policy.yml"),
				"--drift.report.dir=" + dir.resolve("reports"), "--drift.forge.request-deadline=20s",
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/consumer-drift"));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("scan.log").toFile())
			.start();
	}

	private String log() throws IOException {
		return Files.readString(dir.resolve("scan.log"));
	}
}
