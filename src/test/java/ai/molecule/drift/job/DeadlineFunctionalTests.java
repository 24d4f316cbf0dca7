package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 * A forge slow on every request, each within its timeout, cannot keep a run going past
 * {@code drift.scan.deadline}: what was not read by then is unknown, and the run is an error that says so.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:deadline-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms",
				"drift.forge.retry-max-delay=20ms", "drift.scan.concurrency=1", "drift.scan.chunk-size=2",
				"drift.scan.deadline=1500ms" })
class DeadlineFunctionalTests {

	static final FakeGitea gitea = FakeGitea.start();

	static final Path dir = tempDir();

	static final Path reports = dir.resolve("reports");

	static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h");

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
	void givenAnOrgOfConsumers() throws IOException {
		JobFixtures.runtimeReleases(gitea);
		for (String name : NAMES) {
			gitea.repo(ORG, T + name).file(".runtime-version", "0.3.27\n");
		}
		Files.writeString(dir.resolve("drift-policy.yml"),
				"consumers: [" + String.join(", ", NAMES.stream().map((n) -> T + n).toList()) + "]\n");
	}

	@AfterEach
	void clearFaults() {
		gitea.clearFaults();
		gitea.clearRequests();
	}

	@Test
	void aSlowForgeIsReadUntilTheDeadlineAndTheRestIsUnknown() throws Exception {
		// Every repository takes 700 ms to read: eight of them would take more than twice the deadline.
		gitea.delay("/repos/molecule-ai/" + T + "[a-h]/", Duration.ofMillis(700), -1);

		long started = System.nanoTime();
		long runId = run();
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString())
			.startsWith("The run's deadline (drift.scan.deadline=PT1.5S) passed before the scan ended: ");
		List<JsonNode> notRead = notRead(report);
		assertThat(notRead).isNotEmpty().hasSizeLessThanOrEqualTo(NAMES.size());
		assertThat(notRead).allSatisfy((repo) -> assertThat(repo.get("findings").toString()).contains("unreadable"));
		// Unread repositories cost no request: the run ended soon after its deadline.
		assertThat(gitea.requests("/repos/molecule-ai/" + T + "[a-h]/")).hasSizeLessThan(NAMES.size());
		assertThat(took).isLessThan(Duration.ofSeconds(5));
		assertThat(jdbc.queryForObject("select status from drift_run where id = ?", String.class, runId)).isEqualTo("error");
		assertThat(Files.readString(reports.resolve("drift-report.md"))).contains("deadline");
		assertThat(Files.readString(reports.resolve("drift-report.html"))).contains("deadline");
	}

	@Test
	void aForgeThatStallsBeforeTheScanLeavesEveryRepositoryUnread() throws Exception {
		// The runtime's releases alone take longer than the deadline.
		gitea.delay("/repos/molecule-ai/molecule-ai-workspace-runtime/", Duration.ofMillis(1600), 1);

		run();

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).endsWith(": 8 repositories were not read");
		assertThat(notRead(report)).hasSize(NAMES.size());
		assertThat(report.get("counts").get("enumerated").asInt()).isEqualTo(NAMES.size());
		assertThat(gitea.requests("/repos/molecule-ai/" + T + "[a-h]/")).isEmpty();
	}

	private long run() throws Exception {
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());
		return execution.getExecutionContext().getLong(RunLifecycle.RUN_ID);
	}

	private static List<JsonNode> notRead(JsonNode report) {
		return report.get("repos")
			.valueStream()
			.filter((repo) -> repo.get("findings").toString().contains(RunDeadline.NOT_READ))
			.toList();
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("deadline-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
