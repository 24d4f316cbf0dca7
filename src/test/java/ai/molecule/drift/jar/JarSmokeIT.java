package ai.molecule.drift.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.jar.JarProcess.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it, from a working directory of its own: {@code help}, {@code scan --demo}
 * (exit 1, its reports and output lines), then one query of each kind on the demo's history in each format: a
 * table, JSON that parses, and CSV whose rows match its header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JarSmokeIT {

	private static final String LANGGRAPH = "molecule-ai-workspace-template-langgraph";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	private Result scan;

	@BeforeAll
	void scanTheDemo() {
		scan = JarProcess.run(dir, "scan", "--demo");
	}

	@Test
	void helpListsTheCommands() {
		Result help = JarProcess.run(dir, "help");

		assertThat(help.exitCode()).as(help.describe()).isZero();
		assertThat(help.stdout()).contains("scan", "history");
		assertThat(help.stderr()).doesNotContain("\tat ");
	}

	@Test
	void theDemoScanFailsOnItsUnlistedPinnedRepoAndWritesItsReportsAndHistory() throws IOException {
		Path reports = dir.resolve("reports").toRealPath();
		assertThat(scan.exitCode()).as(scan.describe()).isEqualTo(1);
		assertThat(scan.stdoutLines()).last()
			.isEqualTo("Run FAIL (exit 1). Reports: " + reports.resolve("drift-report.html")
					+ ", drift-report.md, drift-report.json");
		assertThat(scan.stderr()).contains("unlisted-pinned").doesNotContain("\tat ");
		assertThat(dir.resolve("data")).isDirectoryContaining("glob:**/consumer-drift-demo*");

		JsonNode report = JSON.readTree(reports.resolve("drift-report.json").toFile());
		assertThat(report.path("status").asString()).isEqualTo("fail");
		assertThat(report.path("exitCode").asInt()).isEqualTo(1);
		assertThat(report.path("counts").path("unlisted-pinned").asInt()).isPositive();
		assertThat(report.path("reasons").toString()).contains("unlisted-pinned");
		List<String> unlisted = new ArrayList<>();
		report.path("repos")
			.forEach(repo -> {
				if (repo.path("classification").asString().equals("unlisted-pinned")) {
					unlisted.add(repo.path("name").asString());
				}
			});
		assertThat(unlisted).contains("molecule-ai-workspace-template-openhands");
		assertThat(reports.resolve("drift-report.md")).content().startsWith("## Consumer drift: FAIL");
		assertThat(reports.resolve("drift-report.html")).content().contains("<html", "FAIL", LANGGRAPH);
	}

	@Test
	void historyRepo() {
		List<String> columns = List.of("runId", "startedAt", "runStatus", "ssot", "classification", "archived", "pin",
				"lagReleases", "lagDays", "lagLevel", "state", "findings", "contracts");
		checkFormats(columns, 1, "history", "repo", LANGGRAPH, "--demo");
	}

	@Test
	void historyTrend() {
		List<String> columns = List.of("runId", "startedAt", "status", "ssot", "repos", "enumerated", "exempt",
				"unlistedPinned", "clean", "unknown", "behind", "medianLagReleases", "maxLagReleases", "medianLagDays",
				"maxLagDays");
		checkFormats(columns, 1, "history", "trend", "--demo");
	}

	@Test
	void historyTimeToSync() throws IOException {
		Result table = query("history", "time-to-sync", "--demo");
		assertThat(table.stdout()).contains("published", "consumer", "status", LANGGRAPH);

		JsonNode releases = JSON.readTree(query("history", "time-to-sync", "--demo", "--format", "json").stdout());
		assertThat(releases.isArray()).isTrue();
		assertThat(releases.path(0).path("release").asString()).isNotBlank();
		assertThat(releases.path(0).path("consumers").isArray()).isTrue();

		List<List<String>> csv = Csv.parse(query("history", "time-to-sync", "--demo", "--format", "csv").stdout());
		assertThat(csv.get(0)).startsWith("release", "publishedAt").contains("consumer", "status", "days", "pin");
		assertThat(csv).hasSizeGreaterThan(1).allSatisfy(row -> assertThat(row).hasSameSizeAs(csv.get(0)));
	}

	@Test
	void historyWorst() {
		List<String> columns = List.of("rank", "repo", "classification", "pin", "lagReleases", "lagDays", "lagLevel",
				"behindSince", "behindDays", "lastKnown");
		checkFormats(columns, 1, "history", "worst", "--demo");
	}

	/**
	 * The query as a table (a header of the columns, then rows), as JSON (an array of objects with exactly those
	 * fields) and as CSV (that header, every row as wide, as many rows as the JSON has objects).
	 */
	private void checkFormats(List<String> columns, int minRows, String... args) {
		Result table = query(args);
		List<String> lines = table.stdoutLines();
		assertThat(lines).hasSizeGreaterThan(minRows);
		assertThat(lines.get(0).trim().split("\\s+")).containsExactlyElementsOf(columns);

		JsonNode json = JSON.readTree(query(with(args, "--format", "json")).stdout());
		assertThat(json.isArray()).as(json.toString()).isTrue();
		assertThat(json.size()).isGreaterThanOrEqualTo(minRows).isEqualTo(lines.size() - 1);
		json.forEach(row -> assertThat(row.propertyNames()).containsExactlyElementsOf(columns));

		List<List<String>> csv = Csv.parse(query(with(args, "--format", "csv")).stdout());
		assertThat(csv.get(0)).containsExactlyElementsOf(columns);
		assertThat(csv).hasSize(json.size() + 1).allSatisfy(row -> assertThat(row).hasSameSizeAs(columns));
	}

	private Result query(String... args) {
		assertThat(scan.exitCode()).as("the demo scan before the queries: " + scan.describe()).isEqualTo(1);
		Result result = JarProcess.run(dir, args);
		assertThat(result.exitCode()).as(result.describe()).isZero();
		assertThat(result.stderr()).doesNotContain("\tat ");
		return result;
	}

	private static String[] with(String[] args, String... more) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}
}
