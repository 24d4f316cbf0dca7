package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.FakeGitea;
import tools.jackson.databind.JsonNode;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.T;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports and the history agree: reports replace the previous ones only once the run's outcome is
 * committed, so a run whose reports cannot be staged, or whose outcome cannot be committed, leaves the
 * previous reports (and no temporary file) while the history records it as an error.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:report-commit-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms",
				"drift.forge.retry-max-delay=20ms" })
class ReportCommitFunctionalTests {

	static final FakeGitea gitea = FakeGitea.start();

	static final Path dir = tempDir();

	static final Path reports = dir.resolve("reports");

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> gitea.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", reports::toString);
	}

	@AfterAll
	static void stopGitea() {
		gitea.close();
	}

	@BeforeEach
	void givenAnOrgWhoseRunsFail() throws IOException {
		// Anew for each test: tags added twice would be a listing that serves items again, an error.
		gitea.deleteRepo(ORG, JobFixtures.RUNTIME);
		JobFixtures.runtimeReleases(gitea);
		gitea.repo(ORG, T + "rogue").file(".runtime-version", "0.3.20\n");
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: []\n");
	}

	@AfterEach
	void repair() throws IOException {
		jdbc.execute("alter table drift_run drop constraint if exists no_fail");
		Path markdown = reports.resolve("drift-report.md");
		if (Files.isDirectory(markdown)) {
			Files.delete(markdown.resolve("inside"));
			Files.delete(markdown);
		}
	}

	@Test
	void theReportsSayWhatTheHistorySays() throws Exception {
		long runId = run();

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("runId").asLong()).isEqualTo(runId);
		assertThat(report.get("status").asString()).isEqualTo(status(runId)).isEqualTo("fail");
		assertThat(files()).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void reportsThatCannotBeWrittenHalfWayLeaveThePreviousOnesAndTheRunIsAnError() throws Exception {
		long previous = run();
		String html = Files.readString(reports.resolve("drift-report.html"));
		Files.delete(reports.resolve("drift-report.md"));
		Files.createDirectories(reports.resolve("drift-report.md/inside"));

		long runId = run();

		assertThat(status(runId)).isEqualTo("error");
		assertThat(reasons(runId)).singleElement().asString().startsWith("The reports could not be written: ")
			.contains("drift-report.md is not a file");
		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("runId").asLong()).isEqualTo(previous);
		assertThat(report.get("status").asString()).isEqualTo(status(previous));
		assertThat(Files.readString(reports.resolve("drift-report.html"))).isEqualTo(html);
		assertThat(files()).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void anOutcomeThatCannotBeCommittedLeavesThePreviousReports() throws Exception {
		long previous = run();
		String markdown = Files.readString(reports.resolve("drift-report.md"));
		// From now on the history refuses to record a failed run: the report step's commit fails.
		jdbc.execute("alter table drift_run add constraint no_fail check (status <> 'fail' or id <= " + previous + ")");

		long runId = run();

		assertThat(status(runId)).isEqualTo("error");
		assertThat(reasons(runId)).singleElement().asString().startsWith("The reports could not be written: ");
		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("runId").asLong()).isEqualTo(previous);
		assertThat(report.get("status").asString()).isEqualTo("fail").isEqualTo(status(previous));
		assertThat(Files.readString(reports.resolve("drift-report.md"))).isEqualTo(markdown);
		assertThat(files()).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	private long run() throws Exception {
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());
		return execution.getExecutionContext().getLong(RunLifecycle.RUN_ID);
	}

	private String status(long runId) {
		return jdbc.queryForObject("select status from drift_run where id = ?", String.class, runId);
	}

	private List<String> reasons(long runId) {
		return jdbc.queryForList("select message from drift_run_reason where run_id = ? order by position",
				String.class, runId);
	}

	private static List<String> files() throws IOException {
		try (Stream<Path> list = Files.list(reports)) {
			return list.map((p) -> p.getFileName().toString()).toList();
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("report-commit-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
