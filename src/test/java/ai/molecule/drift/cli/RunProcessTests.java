package ai.molecule.drift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.FakeGitea;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole processes against one H2 file, the way the CronJob runs them: a run killed with SIGKILL in
 * the middle of its scan, and a second run started while the first is still going.
 */
class RunProcessTests {

	private static final String TOKEN = "tok-process-51c0ffee";

	private static final String T = "molecule-ai-workspace-template-";

	@TempDir
	Path dir;

	private FakeGitea gitea;

	@BeforeEach
	void givenAnOrg() throws IOException {
		gitea = FakeGitea.start().requireToken(TOKEN);
		gitea.repo("molecule-ai", "molecule-ai-workspace-runtime");
		gitea.tag("molecule-ai", "molecule-ai-workspace-runtime", "runtime-v1.0.0", java.time.Instant.parse("2026-06-01T00:00:00Z"));
		for (int i = 0; i < 30; i++) {
			gitea.repo("molecule-ai", T + i).file("README.md", "template " + i);
		}
		gitea.repo("molecule-ai", T + "pinned").file(".runtime-version", "1.0.0\n");
		Files.writeString(dir.resolve("policy.yml"), "consumers: [" + T + "pinned]\n");
	}

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void aRunKilledMidScanNeverLooksCompleteAndCorruptsNothing() throws Exception {
		assertThat(scan("first").waitFor(120, TimeUnit.SECONDS)).isTrue();
		gitea.clearRequests().delay(T + "\\d+/", Duration.ofMillis(500), -1);
		Process killed = scan("killed");
		// A chunk of 5 may have been committed by then.
		awaitTemplateReads(6);
		killed.destroyForcibly();
		assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		gitea.clearFaults();

		Process next = scan("next");
		assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();

		assertThat(next.exitValue()).as(log("next")).isZero();
		try (Connection db = DriverManager.getConnection(databaseUrl(), "sa", "")) {
			assertThat(rows(db, "select status from drift_run order by id")).containsExactly("pass", "running", "pass");
			List<String> ids = rows(db, "select id from drift_run order by id");
			assertThat(rows(db, "select count(*) from drift_repo_result where run_id = " + ids.get(0))).containsExactly("31");
			assertThat(rows(db, "select count(*) from drift_repo_result where run_id = " + ids.get(2))).containsExactly("31");
			assertThat(dir.resolve("reports/drift-report.json")).content()
				.contains("\"runId\": " + ids.get(2) + ",", "\"status\": \"pass\"");
		}
	}

	@Test
	void aSecondRunOnTheSameDatabaseFailsFastAndTheFirstCompletes() throws Exception {
		// The first run's template reads wait for the test: the second JVM may start as slowly as the machine
		// makes it (a fixed delay once let the first run finish first under load).
		gitea.hold(T + "\\d+/");
		Process first = scan("first");
		awaitTemplateReads(1);

		Process second = scan("second");
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(second.exitValue()).isEqualTo(2);
		assertThat(log("second")).contains("a scan is running on the history database right now").doesNotContain("\tat ");
		assertThat(first.isAlive()).isTrue();

		gitea.clearFaults();
		assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as(log("first")).isZero();
		assertThat(dir.resolve("reports/drift-report.json")).content().contains("\"runId\": 1", "\"status\": \"pass\"");
	}

	private Process scan(String name) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				"ai.molecule.drift.cli.Cli", "scan", "--drift.forge.base-url=" + gitea.baseUrl(),
				"--drift.policy-file=" + dir.resolve("policy.yml"), "--drift.report.dir=" + dir.resolve("reports"),
				"--drift.scan.concurrency=2", "--drift.scan.chunk-size=5", "--spring.datasource.url=" + databaseUrl()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile());
		builder.environment().put("DRIFT_FORGE_TOKEN", TOKEN);
		return builder.start();
	}

	/** Until the scan step has asked for this many template reads; the run holds the database meanwhile. */
	private void awaitTemplateReads(int reads) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (gitea.requests(T + "\\d+/").size() < reads) {
			assertThat(System.nanoTime()).as("the scan step never started").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + dir.resolve("data/consumer-drift");
	}

	private String log(String name) throws IOException {
		return Files.readString(dir.resolve(name + ".log"));
	}

	private static List<String> rows(Connection db, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}
}
