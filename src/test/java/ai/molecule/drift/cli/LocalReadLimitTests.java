package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan command on the local forge when a file the scan reads is over the 10 MiB it reads at most:
 * the repository is unknown and the process exits 2, where the cut-off start of a pin file (all
 * whitespace) used to read as "no pin" and pass.
 */
class LocalReadLimitTests {

	static final String T = "molecule-ai-workspace-template-";

	/** Over 10 MiB of whitespace, then a version that only a complete read would see. */
	static final String HUGE = " ".repeat(10 * 1024 * 1024 + 1) + "0.3.20\n";

	@TempDir
	Path dir;

	Path org;

	@BeforeEach
	void givenAnOrg() throws IOException {
		org = dir.resolve("org");
		Files.createDirectories(org.resolve("molecule-ai-workspace-runtime"));
		Files.writeString(org.resolve("molecule-ai-workspace-runtime/pyproject.toml"), "[project]\nversion = \"0.3.20\"\n");
		Files.createDirectories(org.resolve(T + "a"));
		Files.writeString(org.resolve(T + "a/.runtime-version"), "0.3.20\n");
		Files.createDirectories(org.resolve(T + "big"));
		Files.writeString(dir.resolve("policy.yml"), "consumers: [" + T + "a]\n");
	}

	@Test
	void aPinFileOfExactlyTenMebibytesIsReadWhole() throws Exception {
		String tenMebibytes = " ".repeat(10 * 1024 * 1024 - 7) + "0.3.20\n";
		Files.writeString(org.resolve(T + "big/.runtime-version"), tenMebibytes);

		assertThat(scan()).isEqualTo(1);
		JsonNode big = repo(T + "big");
		assertThat(big.get("classification").asString()).isEqualTo("unlisted-pinned");
		assertThat(big.get("pin").asString()).isEqualTo("0.3.20");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".runtime-version", "Dockerfile", "requirements.txt" })
	void aFileOverTenMebibytesMakesTheRepoUnknownAndTheRunAnError(String file) throws Exception {
		Files.writeString(org.resolve(T + "big/.runtime-version"), "0.3.20\n");
		Files.writeString(org.resolve(T + "big/" + file), HUGE);

		assertThat(scan()).isEqualTo(2);
		JsonNode big = repo(T + "big");
		assertThat(big.get("classification").asString()).isEqualTo("unknown");
		assertThat(big.get("findings").get(0).get("code").asString()).isEqualTo("unreadable");
		assertThat(big.get("findings").get(0).get("message").asString()).contains("reading local repository " + T
				+ "big: " + file + " of local repository " + T + "big is larger than 10 MiB");
		assertThat(report().get("reasons").get(0).asString()).contains(T + "big");
	}

	@Test
	void aPinLinkLeadingNowhereIsUnknownNotAbsent() throws Exception {
		Files.createSymbolicLink(org.resolve(T + "big/.runtime-version"), Path.of("no-such-file"));

		assertThat(scan()).isEqualTo(2);
		assertThat(repo(T + "big").get("classification").asString()).isEqualTo("unknown");
		assertThat(repo(T + "big").get("findings").get(0).get("message").asString()).contains(".runtime-version");
	}

	private int scan() {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		return Cli.run(List.of("scan", "--drift.forge.type=local", "--drift.forge.root=" + org,
				"--drift.policy-file=" + dir.resolve("policy.yml"), "--drift.report.dir=" + dir.resolve("reports"),
				"--spring.datasource.url=jdbc:h2:mem:local-limits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"),
				new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8));
	}

	private JsonNode report() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(dir.resolve("reports/drift-report.json")));
	}

	private JsonNode repo(String name) throws IOException {
		for (JsonNode repo : report().get("repos")) {
			if (repo.get("name").asString().equals(name)) {
				return repo;
			}
		}
		throw new AssertionError("no repo " + name + " in the report");
	}
}
