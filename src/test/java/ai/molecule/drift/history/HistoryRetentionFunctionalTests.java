package ai.molecule.drift.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.job.ConsumerDriftJobConfiguration;
import ai.molecule.drift.model.RunReport.ForgeInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift.history.retention-days}: given runs over more than a year, when a run succeeds, then the
 * runs of its org that started before the cut-off are gone with their Spring Batch executions, and
 * nothing else is; run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBatchTest
@SpringBootTest(classes = { ConsumerDriftApplication.class, TestClock.Configuration.class },
		properties = { "drift.forge.type=gitea", "drift.forge.max-attempts=1", "drift.history.retention-days=400" })
@ExtendWith(OutputCaptureExtension.class)
abstract class HistoryRetentionFunctionalTests {

	static final String ORG = "retention-org";

	static final FakeGitea gitea = FakeGitea.start();

	static final Path dir = HistoryTestFiles.tempDir("retention-tests");

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	TestClock clock;

	@Autowired
	RunStore store;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> gitea.baseUrl().toString());
		registry.add("drift.org", () -> ORG);
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", () -> dir.resolve("reports").toString());
	}

	@AfterAll
	static void removeReports() throws Exception {
		HistoryTestFiles.delete(dir.resolve("reports"));
	}

	@Test
	void aSuccessfulRunPrunesItsOrgsRunsOlderThanTheRetentionAndAnErrorRunNothing(CapturedOutput output)
			throws Exception {
		// The fake is shared by the test classes of one JVM: start from an empty org.
		gitea.deleteRepo(ORG, "molecule-ai-workspace-runtime").deleteRepo(ORG, "molecule-ai-workspace-template-a");
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [molecule-ai-workspace-template-a]\n");
		gitea.tag(ORG, "molecule-ai-workspace-runtime", "runtime-v1.0.0", Instant.parse("2024-12-01T12:00:00Z"));
		gitea.repo(ORG, "molecule-ai-workspace-template-a").file(".runtime-version", "1.0.0\n");
		long otherOrgsOldRun = store.start(new ForgeInfo("gitea", null, "another-org", "x-"),
				Instant.parse("2024-06-01T03:00:00Z"), 0);
		Ran oldest = run("2025-01-01T03:00:00Z");
		run("2026-01-10T03:00:00Z");
		long runs = count("drift_run");

		gitea.failAlways("/repos/" + ORG + "/molecule-ai-workspace-runtime/tags", 503);
		run("2026-02-10T03:00:00Z");
		gitea.clearFaults();

		assertThat(count("drift_run")).as("an error run prunes nothing").isEqualTo(runs + 1);
		long instances = count("BATCH_JOB_INSTANCE");

		run("2026-02-11T03:00:00Z");

		long oldestRunId = oldest.runId();
		assertThat(store.status(oldestRunId)).isEmpty();
		assertThat(count("drift_repo_result where run_id = " + oldestRunId)).isZero();
		assertThat(count("drift_run_release where run_id = " + oldestRunId)).isZero();
		assertThat(count("BATCH_JOB_EXECUTION where JOB_EXECUTION_ID = " + oldest.jobExecutionId())).isZero();
		assertThat(count("BATCH_STEP_EXECUTION where JOB_EXECUTION_ID = " + oldest.jobExecutionId())).isZero();
		assertThat(count("BATCH_JOB_INSTANCE")).isEqualTo(instances);
		assertThat(count("drift_run")).isEqualTo(runs + 1);
		assertThat(store.status(otherOrgsOldRun)).as("another org's history is not this run's to prune").isPresent();
		assertThat(output).contains("History retention: removed 1 run that started before 2025-01-07T03:00:00Z "
				+ "(drift.history.retention-days=400)");
	}

	// Not a JobExecution: @SpringBatchTest would take a method returning one for a step-scope factory.
	private Ran run(String night) throws Exception {
		clock.set(Instant.parse(night));
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());
		return new Ran(execution.getExecutionContext().getLong(ConsumerDriftJobConfiguration.RUN_ID), execution.getId());
	}

	/** A run and the job execution that ran it. */
	private record Ran(long runId, long jobExecutionId) {
	}

	private long count(String tableAndCondition) {
		return jdbc.queryForObject("select count(*) from " + tableAndCondition, Long.class);
	}
}
