package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import ai.molecule.drift.forge.FakeGitHub;
import ai.molecule.drift.forge.FakeGiteaRepo;
import ai.molecule.drift.forge.FakeIssues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a fake GitHub (REST and GraphQL), publishing to a tracking issue there: given an
 * org and a policy, when the job runs, then the reports classify as on Gitea, the issue carries the
 * report, and a publish failure makes the run an error whose reports say so.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:github-job-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=github", "drift.forge.token=" + GitHubScanFunctionalTests.TOKEN,
				"drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms", "drift.forge.retry-max-delay=20ms",
				"drift.forge.github.write-interval=0s", "drift.publish.issue-repo=molecule-ai/drift-tracking",
				"drift.publish.labels=consumer-drift", "drift.publish.report-url=https://reports.example.com/drift.html",
				"logging.level.ai.molecule.drift=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class GitHubScanFunctionalTests {

	static final String TOKEN = "ghp_FunctionalT3stT0ken0000000000000000";

	/** DEBUG for the job's own loggers, checked for the token but not printed. */
	@RegisterExtension
	static final DebugLogs debugLogs = new DebugLogs();

	static final String ORG = "molecule-ai";

	static final String T = "molecule-ai-workspace-template-";

	static final String RUNTIME = "molecule-ai-workspace-runtime";

	static final Instant SSOT_DATE = Instant.parse("2026-06-10T12:00:00Z");

	static final FakeGitHub github = FakeGitHub.start().requireToken(TOKEN);

	static final Path dir = tempDir();

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JdbcTemplate jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	final List<String> created = new ArrayList<>();

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> github.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", () -> dir.resolve("reports").toString());
	}

	@AfterAll
	static void stopGitHub() {
		github.close();
	}

	@BeforeEach
	void givenAnOrgWithReleasesAndConsumers() throws IOException {
		repo(RUNTIME).file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n");
		for (int patch = 0; patch <= 27; patch++) {
			Instant date = SSOT_DATE.minus((27 - patch) * 3L, ChronoUnit.DAYS);
			github.tag(ORG, RUNTIME, "runtime-v0.3." + patch, date.minus(1, ChronoUnit.HOURS));
			github.release(ORG, RUNTIME, "runtime-v0.3." + patch, date, false, false);
		}
		github.tag(ORG, RUNTIME, "runtime-v0.4.0-rc1", SSOT_DATE.plus(2, ChronoUnit.DAYS));
		repo(T + "claude-code").file(".runtime-version", "0.3.27\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.27\n")
			.file("requirements.txt", "molecule-ai-workspace-runtime==0.3.27\n");
		repo(T + "langgraph").file(".runtime-version", "0.3.11\r\n").privateRepo();
		repo("molecule-core").file(".runtime-version", "0.3.25");
		repo(T + "seo-agent").file("README.md", "prompts only");
		repo(T + "docs").file("README.md", "no pin here");
		repo("unrelated-service").file(".runtime-version", "0.1.0");
		repo("drift-tracking");
		github.issues(ORG, "drift-tracking").label("consumer-drift");
		Files.writeString(dir.resolve("drift-policy.yml"), """
				consumers:
				  - molecule-ai-workspace-template-claude-code
				  - molecule-ai-workspace-template-langgraph
				  - molecule-core
				exempt:
				  - repo: molecule-ai-workspace-template-seo-agent
				    reason: config/prompts-only template
				max-lag-releases: 20
				""");
		github.clearRequests();
	}

	@AfterEach
	void removeOrg() {
		created.forEach(name -> github.deleteRepo(ORG, name));
		github.clearFaults();
	}

	@Test
	void scansThroughGraphQlAndPublishesTheReportToOneIssue(CapturedOutput output) throws Exception {
		JobExecution first = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(first.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("pass");
		JsonNode report = report();
		assertThat(report.get("forge").get("type").asString()).isEqualTo("github");
		assertThat(report.get("counts").get("enumerated").asInt()).isEqualTo(3);
		assertThat(report.get("counts").get("clean").asInt()).isEqualTo(1);
		JsonNode langgraph = repo(report, T + "langgraph");
		assertThat(langgraph.get("pin").asString()).isEqualTo("0.3.11");
		assertThat(langgraph.get("lag").get("releases").asInt()).isEqualTo(16);
		assertThat(langgraph.get("lag").get("days").asLong()).isEqualTo(48);
		assertThat(report.get("ssot").get("version").asString()).isEqualTo("0.3.27");
		// One GraphQL request for the five repositories' files, one for the runtime's dated tags.
		assertThat(github.requests("POST /api/graphql")).hasSize(2);
		assertThat(github.requests("/contents")).isEmpty();
		assertThat(github.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
		FakeIssues.Issue issue = github.issues(ORG, "drift-tracking").issues().get(0);
		assertThat(issue.body()).startsWith("<!-- consumer-drift:report org=molecule-ai -->")
			.contains("## Consumer drift: PASS", "No earlier complete run to compare with.",
					"[full report](<https://reports.example.com/drift.html>)");
		assertThat(issue.labels()).containsExactly("consumer-drift");

		jobs.startJob(jobs.getUniqueJobParameters());

		FakeIssues.Issue again = github.issues(ORG, "drift-tracking").issues().get(0);
		assertThat(github.issues(ORG, "drift-tracking").issues()).hasSize(1);
		// The second run found the same, except that it now has a run to compare with ("None.").
		assertThat(again.body()).contains("### Changes since the previous run\n\nNone.");
		assertThat(again.edits()).isEqualTo(1);
		jobs.startJob(jobs.getUniqueJobParameters());
		assertThat(github.issues(ORG, "drift-tracking").issues().get(0).edits()).isEqualTo(1);
		assertNoTokenAnywhere(output);
	}

	@Test
	void aPublishFailureMakesTheRunAnErrorAfterTheReportsAreWritten(CapturedOutput output) throws Exception {
		github.failAlways("GET /api/v3/repos/molecule-ai/drift-tracking/issues\\?", 502);

		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("error");
		JsonNode report = report();
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString())
			.startsWith("Publishing the report to an issue in molecule-ai/drift-tracking failed: GET "
					+ "/api/v3/repos/molecule-ai/drift-tracking/issues: HTTP 502 after 2 attempts");
		assertThat(dir.resolve("reports/drift-report.md")).content().contains("Consumer drift: ERROR");
		assertThat(github.issues(ORG, "drift-tracking").issues()).isEmpty();
		long runId = report.get("runId").asLong();
		assertThat(jdbc.queryForObject("select status from drift_run where id = ?", String.class, runId))
			.isEqualTo("error");
		assertNoTokenAnywhere(output);
	}

	@Test
	void aGraphQlRateLimitWithHttp200IsWaitedOutWithoutReadingRepositoriesOneByOne(CapturedOutput output)
			throws Exception {
		github.graphqlSecondaryRateLimit(1, Duration.ofSeconds(1));
		github.dropFromGraphQl(ORG, T + "langgraph", 1, false);

		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("pass");
		assertThat(repo(report(), T + "langgraph").get("pin").asString()).isEqualTo("0.3.11");
		// The limited batch sent again, the repository its answer left out read again alone, then the tags.
		assertThat(github.requests("POST /api/graphql")).hasSize(4);
		assertThat(github.graphqlBatches()).hasSize(2).last().isEqualTo(List.of(T + "langgraph"));
		assertThat(github.requests("/contents")).isEmpty();
		assertThat(output.getAll()).contains("GraphQL RATE_LIMITED with HTTP 200, retry-after 1 s); waiting 1 s");
	}

	@Test
	void aRateLimitLongerThanAllowedMakesTheRunAnErrorSayingWhy() throws Exception {
		// The runtime's tags query first, then the file batch: both limited for longer than allowed.
		github.graphqlSecondaryRateLimit(2, Duration.ofHours(1));

		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("error");
		JsonNode report = report();
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").toString()).contains("GitHub's secondary rate limit was hit (GraphQL "
				+ "RATE_LIMITED with HTTP 200, retry-after 3600 s); waiting 3600 s more would exceed the 900 s allowed");
		assertThat(report.get("reasons").toString()).contains("release tags of molecule-ai/" + RUNTIME + " could not "
				+ "be read: POST /api/graphql: GitHub's secondary rate limit was hit");
		// Neither sent again nor read one repository at a time.
		assertThat(github.requests("POST /api/graphql")).hasSize(2);
		assertThat(github.requests("/contents")).isEmpty();
	}

	private void assertNoTokenAnywhere(CapturedOutput output) throws IOException {
		assertThat(output.getAll()).doesNotContain(TOKEN);
		assertThat(debugLogs.text()).as("logs at DEBUG").contains("DEBUG ").doesNotContain(TOKEN);
		try (var files = Files.list(dir.resolve("reports"))) {
			for (Path file : files.toList()) {
				assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(TOKEN);
			}
		}
		github.issues(ORG, "drift-tracking").issues().forEach(i -> assertThat(i.body()).doesNotContain(TOKEN));
		String dump = String.join("\n", jdbc.queryForList("script", String.class));
		assertThat(dump).contains("DRIFT_RUN").doesNotContain(TOKEN);
	}

	private JsonNode report() throws IOException {
		return json.readTree(Files.readString(dir.resolve("reports/drift-report.json")));
	}

	private static JsonNode repo(JsonNode report, String name) {
		for (JsonNode repo : report.get("repos")) {
			if (repo.get("name").asString().equals(name)) {
				return repo;
			}
		}
		throw new AssertionError("no repo " + name + " in the report");
	}

	private FakeGiteaRepo repo(String name) {
		created.add(name);
		return github.repo(ORG, name);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("github-job-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
