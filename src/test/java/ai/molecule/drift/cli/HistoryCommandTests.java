package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code history} as a user runs it: help, mistakes, and documents on standard output only. */
@ExtendWith(OutputCaptureExtension.class)
class HistoryCommandTests {

	private static final String LANGGRAPH = "molecule-ai-workspace-template-langgraph";

	@TempDir
	Path dir;

	private final String database = "--spring.datasource.url=jdbc:h2:mem:history-cli-" + System.nanoTime()
			+ ";DB_CLOSE_DELAY=-1";

	private ByteArrayOutputStream out = new ByteArrayOutputStream();

	private ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		out = new ByteArrayOutputStream();
		err = new ByteArrayOutputStream();
		List<String> all = new ArrayList<>(List.of(args));
		all.add(database);
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
	void everyQueryHasItsOwnHelp() {
		assertThat(run("history", "--help")).isZero();
		assertThat(stdout()).contains("repo", "trend", "time-to-sync", "worst", "--format table|csv|json");
		assertThat(run("history", "repo", "--help")).isZero();
		assertThat(stdout()).startsWith("Usage: java -jar consumer-drift.jar history repo").contains("NAME", "--since");
		assertThat(run("history", "trend", "-h")).isZero();
		assertThat(stdout()).contains("medianLagReleases");
		assertThat(run("history", "time-to-sync", "--help")).isZero();
		assertThat(stdout()).contains("--release=V", "pending");
		assertThat(run("history", "worst", "--help")).isZero();
		assertThat(stdout()).contains("--limit=N", "--by=lag|age");
		assertThat(run("help")).isZero();
		assertThat(stdout()).contains("history  Query the persisted runs");
		assertThat(run("help", "history")).isZero();
		assertThat(stdout()).startsWith("Usage: java -jar consumer-drift.jar history");
	}

	@Test
	void mistakesAreExplainedBeforeAnythingStarts(CapturedOutput log) {
		assertThat(run("history")).isEqualTo(2);
		assertThat(stderr()).startsWith("Say which query").contains("Usage: java -jar consumer-drift.jar history");
		assertThat(run("history", "trends")).isEqualTo(2);
		assertThat(stderr()).startsWith("Unexpected word after history (not shown").doesNotContain("trends");
		assertThat(run("history", "repo")).isEqualTo(2);
		assertThat(stderr()).startsWith("Missing required parameter: 'NAME'");
		assertThat(run("history", "trend", "extra")).isEqualTo(2);
		assertThat(stderr()).startsWith("Unexpected word after history trend").doesNotContain("extra");
		assertThat(run("history", "trend", "--format", "xml")).isEqualTo(2);
		assertThat(stderr()).startsWith("--format must be table, csv or json, not xml");
		assertThat(run("history", "trend", "--since", "yesterday")).isEqualTo(2);
		assertThat(stderr()).startsWith("--since must be a number of days (90d) or a date (2026-01-01)");
		assertThat(run("history", "trend", "--limit", "3")).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --limit.");
		assertThat(run("history", "trend", "--sinse", "3d")).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --sinse; did you mean --since?");
		assertThat(run("history", "worst", "--limit=0")).isEqualTo(2);
		assertThat(run("history", "time-to-sync", "--release", "latest")).isEqualTo(2);
		assertThat(run("history", "worst", "--token", "s3cret")).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --token.").doesNotContain("s3cret");
		assertThat(run("history", "worst", "--token=s3cret")).isEqualTo(2);
		assertThat(stderr()).startsWith("Unknown option --token.").doesNotContain("s3cret");
		assertThat(log.getAll()).doesNotContain("Run ", "Flyway");
	}

	@Test
	void scriptsGetOnlyTheDocumentOnStandardOutput(CapturedOutput log) throws Exception {
		String reports = "--drift.report.dir=" + dir.resolve("reports");
		assertThat(run("scan", "--demo", reports)).isEqualTo(1);
		assertThat(run("scan", "--demo", reports)).isEqualTo(1);

		assertThat(run("history", "trend", "--demo", "--format", "json")).isZero();
		JsonNode trend = JsonMapper.builder().build().readTree(stdout());
		assertThat(trend).hasSize(2);
		assertThat(trend.get(1).get("status").asString()).isEqualTo("fail");
		assertThat(trend.get(1).get("behind").asInt()).isEqualTo(7);
		assertThat(trend.get(1).get("unlistedPinned").asInt()).isEqualTo(3);

		assertThat(run("history", "repo", LANGGRAPH, "--demo", "--format=csv")).isZero();
		assertThat(stdout().lines().toList()).hasSize(3)
			.first()
			.isEqualTo("runId,startedAt,runStatus,ssot,classification,archived,pin,lagReleases,lagDays,lagLevel,"
					+ "state,findings,contracts");
		assertThat(stdout().lines().skip(1)).allSatisfy(line -> assertThat(line).matches("\\d+,\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z,"
				+ "fail,0.3.27,enumerated,false,0.3.11,16,41,patch,behind,pin-drift lag-exceeded contract-drift,"
				+ "contracts/provider_registry.py=drift"));

		assertThat(run("history", "time-to-sync", "--demo", "--format", "json", "--release", "0.3.27")).isZero();
		JsonNode sync = JsonMapper.builder().build().readTree(stdout());
		assertThat(sync.get(0).get("release").asString()).isEqualTo("0.3.27");
		assertThat(sync.get(0).get("synced").asInt()).isEqualTo(4);
		assertThat(sync.get(0).get("pending").asInt()).isEqualTo(7);
		assertThat(sync.get(0).get("historyStartsLater").asBoolean()).isTrue();

		// The documented default form, which once crashed building the note for --release before checking it.
		for (String format : List.of("table", "csv", "json")) {
			assertThat(run("history", "time-to-sync", "--demo", "--format", format)).isZero();
			assertThat(stdout()).contains("0.3.27");
			assertThat(stderr()).doesNotContain("could not start", "internal error");
		}

		// A release no run knew: the table must not claim that no run resolved an SSOT.
		assertThat(run("history", "time-to-sync", "--demo", "--release", "9.9.9")).isZero();
		assertThat(stdout()).isEqualTo("No release matches.\n");
		assertThat(stderr()).contains("No complete run of molecule-ai knew release 9.9.9.");

		assertThat(run("history", "repo", "molecule-ai-workspace-template-nope", "--demo", "--format", "json")).isZero();
		assertThat(stdout()).isEqualTo("[ ]\n");
		assertThat(stderr()).contains("No complete run of molecule-ai scanned that repository.");

		assertThat(run("history", "worst", "--demo", "--limit", "2")).isZero();
		assertThat(stdout().lines().toList()).hasSize(3);
		assertThat(stdout().lines().skip(1).toList()).satisfiesExactly(
				first -> assertThat(first).startsWith("1     molecule-ai-workspace-template-google-adk"),
				second -> assertThat(second).startsWith("2     molecule-ai-workspace-template-crewai"));
		assertThat(log.getOut()).doesNotContain("INFO", "WARN");
	}
}
