package ai.molecule.drift.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.FakeGitea;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs as the cluster sees them: the application in a process of its own, configured through
 * the environment like the CronJob, against a fake Gitea.
 */
class StructuredLogsTests {

	static final String T = "molecule-ai-workspace-template-";

	static final Instant RELEASED = Instant.parse("2026-06-10T12:00:00Z");

	@TempDir
	Path dir;

	final FakeGitea gitea = FakeGitea.start();

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stopGitea() {
		gitea.close();
	}

	@Test
	void inTheContainerProfileEveryLogLineIsJsonOnStandardOutputWithTheRunId() throws Exception {
		givenAnOrgWhereOneRepositoryNeedsARetry();

		Result result = scan(Map.of("SPRING_PROFILES_ACTIVE", "container"));

		assertThat(result.exit()).as(result.toString()).isZero();
		long runId = json.readTree(dir.resolve("reports/drift-report.json").toFile()).get("runId").asLong();
		List<String> lines = result.stdout().lines().toList();
		// The command's own one-line result ends standard output, as it does outside the container.
		assertThat(lines.get(lines.size() - 1)).startsWith("Run PASS (exit 0). Reports: ");
		List<JsonNode> events = lines.subList(0, lines.size() - 1).stream().map(json::readTree).toList();
		assertThat(events).isNotEmpty().allSatisfy(event -> {
			assertThat(event.get("runId").asString()).isEqualTo(Long.toString(runId));
			assertThat(event.at("/service/name").asString()).isEqualTo("consumer-drift");
			assertThat(event.at("/log/level").isString() && event.has("@timestamp") && event.has("message")).isTrue();
		});
		// The retry happened on one of the scan's pool threads: the run id travelled with the task.
		assertThat(events).filteredOn(e -> e.get("message").asString().contains("retrying"))
			.singleElement()
			.satisfies(e -> assertThat(e.at("/process/thread/name").asString()).startsWith("scan-"));
		assertThat(events).anySatisfy(e -> assertThat(e.get("message").asString()).startsWith("Run " + runId + " PASS"));
		assertThat(result.stderr()).isEmpty();
	}

	@Test
	void withoutTheProfileLogsStayHumanReadableOnStandardError() throws Exception {
		givenAnOrgWhereOneRepositoryNeedsARetry();

		Result result = scan(Map.of());

		assertThat(result.exit()).as(result.toString()).isZero();
		assertThat(result.stdout().lines()).singleElement().asString().startsWith("Run PASS (exit 0). Reports: ");
		assertThat(result.stderr()).contains(" INFO  Run ").doesNotContain("{\"@timestamp\"");
	}

	@Test
	void aRepositoryNameCannotForgeAPlainTextLogLine() throws Exception {
		givenAnOrgWhereOneRepositoryNeedsARetry();
		String forged = "2026-12-01T00:00:00.000Z ERROR 1 --- [main] forged: all clear";
		gitea.repo("molecule-ai", T + "evil\n" + forged + "\r\u202Ex").file(".runtime-version", "0.3.1\n");

		Result plain = scan(Map.of());
		Result structured = scan(Map.of("SPRING_PROFILES_ACTIVE", "container"));

		assertThat(plain.exit()).as(plain.toString()).isEqualTo(1);
		assertThat(plain.stderr().lines()).noneMatch((line) -> line.startsWith(forged))
			.anyMatch((line) -> line.contains("evil\\n" + forged + "\\r\\u202Ex"));
		assertThat(plain.stderr()).doesNotContain("\r", "\u202E");
		// The JSON lines escape by themselves, once: the name reads back as it is.
		assertThat(structured.exit()).as(structured.toString()).isEqualTo(1);
		List<String> lines = structured.stdout().lines().toList();
		assertThat(lines.subList(0, lines.size() - 1).stream().map(json::readTree).map((e) -> e.get("message").asString()))
			.anyMatch((message) -> message.contains("evil\n" + forged + "\r\u202Ex"));
	}

	private void givenAnOrgWhereOneRepositoryNeedsARetry() throws IOException {
		String runtime = "molecule-ai-workspace-runtime";
		gitea.repo("molecule-ai", runtime).file("pyproject.toml", "[project]\nversion = \"0.3.1\"\n");
		gitea.tag("molecule-ai", runtime, "runtime-v0.3.1", RELEASED);
		for (String name : List.of("claude-code", "langgraph", "crewai", "autogen")) {
			gitea.repo("molecule-ai", T + name).file(".runtime-version", "0.3.1\n");
		}
		gitea.failTimes("/repos/molecule-ai/" + T + "langgraph/contents.*", 503, 1, null);
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers:\n" + List.of("claude-code", "langgraph", "crewai", "autogen")
			.stream()
			.map(name -> "  - " + T + name + "\n")
			.reduce("", String::concat));
	}

	private Result scan(Map<String, String> environment) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ai.molecule.drift.cli.Cli.class.getName(), "scan"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectOutput(dir.resolve("stdout").toFile())
			.redirectError(dir.resolve("stderr").toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(name -> name.startsWith("DRIFT_") || name.startsWith("SPRING_"));
		env.put("DRIFT_FORGE_BASE_URL", gitea.baseUrl().toString());
		env.put("DRIFT_POLICY_FILE", dir.resolve("drift-policy.yml").toString());
		env.put("DRIFT_REPORT_DIR", dir.resolve("reports").toString());
		env.put("DRIFT_SCAN_CONCURRENCY", "2");
		env.put("DRIFT_FORGE_RETRY_BASE_DELAY", "5ms");
		env.put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:logs;DB_CLOSE_DELAY=-1");
		env.putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the scan did not end within a minute");
		}
		return new Result(process.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
				Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
	}

	/** What a finished process left. */
	private record Result(int exit, String stdout, String stderr) {
	}
}
