package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
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
import ai.molecule.drift.forge.FakeGiteaRepo;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a fake Gitea, on H2: given an org and a policy, when the job runs, then
 * the run's status, exit code and reports are what the contract says.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:job-tests;DB_CLOSE_DELAY=-1", "drift.forge.type=gitea",
				"drift.forge.token=" + ConsumerDriftJobFunctionalTests.TOKEN, "drift.forge.max-attempts=2",
				"drift.forge.retry-base-delay=5ms", "drift.forge.retry-max-delay=20ms",
				"logging.level.ai.molecule.drift=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ConsumerDriftJobFunctionalTests {

	static final String TOKEN = "tok-7f3a9c-Sup3rSecret";

	/** DEBUG for the job's own loggers, checked for the token but not printed. */
	@RegisterExtension
	static final DebugLogs debugLogs = new DebugLogs();

	static final String ORG = JobFixtures.ORG;

	static final String T = JobFixtures.T;

	static final String RUNTIME = JobFixtures.RUNTIME;

	static final Instant SSOT_DATE = JobFixtures.SSOT_DATE;

	static final FakeGitea gitea = FakeGitea.start().requireToken(TOKEN);

	static final Path dir = tempDir();

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> created = new ArrayList<>();

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> gitea.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", () -> dir.resolve("reports").toString());
	}

	@AfterAll
	static void stopGitea() {
		gitea.close();
	}

	@BeforeEach
	void givenAnOrgWithReleasesAndConsumers() throws IOException {
		created.add(RUNTIME);
		JobFixtures.runtimeReleases(gitea);
		gitea.tag(ORG, RUNTIME, "runtime-v0.4.0-rc1", SSOT_DATE.plus(2, ChronoUnit.DAYS));
		gitea.release(ORG, RUNTIME, "runtime-v0.3.28", SSOT_DATE.plus(3, ChronoUnit.DAYS), true, false);
		repo(T + "claude-code").file(".runtime-version", "0.3.27\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.27\nRUN pip install molecule-ai-workspace-runtime==${RUNTIME_VERSION}\n")
			.file("requirements.txt", "molecule-ai-workspace-runtime==0.3.27\n");
		repo(T + "langgraph").file(".runtime-version", "0.3.11\r\n").privateRepo();
		repo("molecule-core").file(".runtime-version", "0.3.25");
		repo(T + "seo-agent").file("README.md", "prompts only");
		repo(T + "docs").file("README.md", "no pin here");
		repo("unrelated-service").file(".runtime-version", "0.1.0");
		policy("""
				consumers:
				  - molecule-ai-workspace-template-claude-code
				  - molecule-ai-workspace-template-langgraph
				  - molecule-core
				exempt:
				  - repo: molecule-ai-workspace-template-seo-agent
				    reason: config/prompts-only template
				max-lag-releases: 20
				""");
		gitea.clearRequests();
	}

	@AfterEach
	void removeOrg() {
		created.forEach(name -> gitea.deleteRepo(ORG, name));
		gitea.clearFaults();
	}

	@Test
	void passWhenEveryPinIsListed(CapturedOutput output) throws Exception {
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("pass");
		JsonNode report = report();
		assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(report.get("runId").asLong()).isPositive();
		assertThat(Instant.parse(report.get("startedAt").asString())).isBeforeOrEqualTo(
				Instant.parse(report.get("finishedAt").asString()));
		assertThat(report.get("status").asString()).isEqualTo("pass");
		assertThat(report.get("exitCode").asInt()).isZero();
		assertThat(report.get("forge").get("type").asString()).isEqualTo("gitea");
		assertThat(report.get("forge").get("baseUrl").asString()).isEqualTo(gitea.baseUrl().toString());
		assertThat(report.get("forge").get("org").asString()).isEqualTo(ORG);
		assertThat(report.get("forge").get("repoPrefix").asString()).isEqualTo(T);
		JsonNode ssot = report.get("ssot");
		assertThat(ssot.get("resolved").asBoolean()).isTrue();
		assertThat(ssot.get("version").asString()).isEqualTo("0.3.27");
		assertThat(ssot.get("source").asString()).isEqualTo("release-tag");
		assertThat(ssot.get("tag").asString()).isEqualTo("runtime-v0.3.27");
		assertThat(Instant.parse(ssot.get("publishedAt").asString())).isEqualTo(SSOT_DATE);
		JsonNode counts = report.get("counts");
		assertThat(counts.get("enumerated").asInt()).isEqualTo(3);
		assertThat(counts.get("exempt").asInt()).isEqualTo(1);
		assertThat(counts.get("unlisted-pinned").asInt()).isZero();
		assertThat(counts.get("clean").asInt()).isEqualTo(1);
		assertThat(names(report)).containsExactly(T + "claude-code", T + "docs", T + "langgraph", T + "seo-agent",
				"molecule-core");

		JsonNode langgraph = repo(report, T + "langgraph");
		assertThat(langgraph.get("classification").asString()).isEqualTo("enumerated");
		assertThat(langgraph.get("archived").asBoolean()).isFalse();
		assertThat(langgraph.get("pin").asString()).isEqualTo("0.3.11");
		assertThat(langgraph.get("lag").get("releases").asInt()).isEqualTo(16);
		assertThat(langgraph.get("lag").get("days").asLong()).isEqualTo(48);
		assertThat(langgraph.get("lag").get("level").asString()).isEqualTo("patch");
		assertThat(langgraph.get("findings")).hasSize(1);
		assertThat(langgraph.get("findings").get(0).get("code").asString()).isEqualTo("pin-drift");
		assertThat(langgraph.get("findings").get(0).get("severity").asString()).isEqualTo("warning");
		assertThat(langgraph.get("findings").get(0).get("message").asString())
			.isEqualTo("pinned 0.3.11, 16 releases behind 0.3.27 (48 days)");

		JsonNode docs = repo(report, T + "docs");
		assertThat(docs.get("classification").asString()).isEqualTo("clean");
		assertThat(docs.get("pin").isNull()).isTrue();
		assertThat(docs.get("lag").isNull()).isTrue();
		assertThat(docs.get("findings")).isEmpty();
		assertThat(repo(report, "molecule-core").get("lag").get("releases").asInt()).isEqualTo(2);

		assertThat(dir.resolve("reports/drift-report.html")).content().contains("PASS");
		assertThat(dir.resolve("reports/drift-report.md")).content().contains("Consumer drift: PASS");
		assertThat(gitea.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("token " + TOKEN));
		assertNoTokenAnywhere(output);
	}

	@Test
	void eachRepositoryCostsAtMostTwoRequestsAndTheReleasesAreReadOncePerRun() throws Exception {
		jobs.startJob(jobs.getUniqueJobParameters());
		int releasePagesForAFewRepos = gitea.requests(RUNTIME + "/releases").size();
		int tagPagesForAFewRepos = gitea.requests(RUNTIME + "/tags").size();
		for (int i = 0; i < 120; i++) {
			FakeGiteaRepo repo = repo(T + "many-" + i).file("README.md", "template " + i);
			if (i % 3 == 0) {
				repo.file(".runtime-version", "0.3.20\n").file("Dockerfile", "ARG RUNTIME_VERSION=0.3.20\n");
			}
		}
		gitea.clearRequests();

		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(gitea.requests(RUNTIME + "/releases")).hasSize(releasePagesForAFewRepos).isNotEmpty();
		assertThat(gitea.requests(RUNTIME + "/tags")).hasSize(tagPagesForAFewRepos).isNotEmpty();
		// Gitea 1.24+: the top-level listing, plus one batched read when there are pin files.
		Map<String, Long> perRepo = gitea.requests()
			.stream()
			.map(FakeGitea.Request::path)
			.filter((path) -> path.startsWith("/api/v1/repos/" + ORG + "/" + T))
			.collect(Collectors.groupingBy((path) -> path.split("/")[5], Collectors.counting()));
		assertThat(perRepo).hasSizeGreaterThanOrEqualTo(124).allSatisfy((repo, requests) -> assertThat(requests)
			.as(repo).isLessThanOrEqualTo(2L));
		assertThat(perRepo.get(T + "many-3")).isEqualTo(2L);
		assertThat(perRepo.get(T + "many-4")).isEqualTo(1L);
	}

	@Test
	void failWhenAnUnlistedRepoCarriesAPin(CapturedOutput output) throws Exception {
		repo(T + "new-shiny").file(".runtime-version", "0.3.20");
		repo(T + "old-archived").file(".runtime-version", "0.3.1").archived();

		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("fail");
		JsonNode report = report();
		assertThat(report.get("status").asString()).isEqualTo("fail");
		assertThat(report.get("exitCode").asInt()).isEqualTo(1);
		assertThat(report.get("counts").get("unlisted-pinned").asInt()).isEqualTo(2);
		JsonNode shiny = repo(report, T + "new-shiny");
		assertThat(shiny.get("classification").asString()).isEqualTo("unlisted-pinned");
		assertThat(shiny.get("findings").get(0).get("code").asString()).isEqualTo("unlisted-pinned");
		assertThat(shiny.get("findings").get(0).get("severity").asString()).isEqualTo("error");
		assertThat(repo(report, T + "old-archived").get("archived").asBoolean()).isTrue();
		assertThat(report.get("reasons").get(0).asString())
			.isEqualTo("1 repository fails the policy: " + T + "new-shiny (unlisted-pinned)");
		assertThat(output).contains("Run " + report.get("runId").asLong() + " FAIL");
		assertNoTokenAnywhere(output);
	}

	@Test
	void errorWhenARepoCannotBeReadAndItIsNeverClean(CapturedOutput output) throws Exception {
		repo(T + "flaky").file(".runtime-version", "0.3.27");
		gitea.failAlways("/repos/molecule-ai/molecule-ai-workspace-template-flaky/", 500);

		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo("error");
		JsonNode report = report();
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		JsonNode flaky = repo(report, T + "flaky");
		assertThat(flaky.get("classification").asString()).isEqualTo("unknown");
		assertThat(flaky.get("findings").get(0).get("code").asString()).isEqualTo("unreadable");
		assertThat(flaky.get("findings").get(0).get("message").asString()).contains("HTTP 500");
		assertThat(report.get("counts").get("clean").asInt()).isEqualTo(1);
		assertThat(report.get("reasons").get(0).asString()).contains("could not be read", T + "flaky");
		assertThat(gitea.requests("template-flaky")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(repo(report, T + "claude-code").get("classification").asString()).isEqualTo("enumerated");
		assertNoTokenAnywhere(output);
	}

	@Test
	void errorWhenTheSsotCannotBeResolvedAndNothingIsMeasured(CapturedOutput output) throws Exception {
		gitea.failAlways("/repos/molecule-ai/molecule-ai-workspace-runtime/tags", 503);

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = report();
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		JsonNode ssot = report.get("ssot");
		assertThat(ssot.get("resolved").asBoolean()).isFalse();
		assertThat(ssot.get("version").isNull()).isTrue();
		assertThat(ssot.get("source").isNull()).isTrue();
		assertThat(report.get("reasons").get(0).asString()).startsWith("The SSOT version is unresolved")
			.contains("could not be read");
		assertThat(repo(report, T + "langgraph").get("lag").isNull()).isTrue();
		assertThat(repo(report, T + "langgraph").get("pin").asString()).isEqualTo("0.3.11");
		// The stale pyproject.toml (0.3.20) is never used as a guess when the tags are unreadable.
		assertThat(gitea.requests("pyproject")).isEmpty();
		assertNoTokenAnywhere(output);
	}

	@Test
	void fallsBackToPyprojectOnlyWhenThereIsNoReleaseTag() throws Exception {
		gitea.deleteRepo(ORG, RUNTIME);
		repo(RUNTIME).file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n");
		gitea.tag(ORG, RUNTIME, "v9.9.9", SSOT_DATE);

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = report();
		assertThat(report.get("ssot").get("source").asString()).isEqualTo("fallback-file");
		assertThat(report.get("ssot").get("version").asString()).isEqualTo("0.3.20");
		assertThat(report.get("ssot").get("tag").isNull()).isTrue();
		assertThat(repo(report, T + "claude-code").get("findings").get(0).get("code").asString())
			.isEqualTo("ahead-of-ssot");
		assertThat(report.get("status").asString()).isEqualTo("pass");
	}

	@Test
	void errorWhenTheOrgCannotBeListed(CapturedOutput output) throws Exception {
		gitea.failAlways("/orgs/molecule-ai/repos", 502);

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = report();
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("repos")).isEmpty();
		assertThat(report.get("reasons").get(0).asString()).startsWith("The scan did not complete: listing the repositories of organisation 'molecule-ai' failed")
			.contains("502");
		assertNoTokenAnywhere(output);
	}

	@Test
	void invalidPolicyIsAnErrorBeforeAnyRequest() throws Exception {
		policy("""
				consumers:
				  - molecule-core
				exempt:
				  - repo: molecule-ai-workspace-template-seo-agent
				""");

		jobs.startJob(jobs.getUniqueJobParameters());

		assertThat(gitea.requests()).isEmpty();
		JsonNode report = report();
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).startsWith("The run could not start: ")
			.contains("drift-policy.yml:4", "\"reason\" is required");
		assertThat(dir.resolve("reports/drift-report.md")).content().contains("Consumer drift: ERROR");
	}

	@Test
	void aRunInHistoryIsCompleteOnlyOnceReported() throws Exception {
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());
		long runId = execution.getExecutionContext().getLong(RunLifecycle.RUN_ID);
		assertThat(jdbc.queryForObject("select status from drift_run where id = ?", String.class, runId))
			.isEqualTo("pass");
		assertThat(jdbc.queryForObject("select count(*) from drift_repo_result where run_id = ?", Integer.class, runId))
			.isEqualTo(5);
		assertThat(jdbc.queryForObject("select count(*) from drift_run_release where run_id = ?", Integer.class, runId))
			.isEqualTo(28);
	}

	@Test
	void hostilePinsAreStoredTruncatedAndShownSafely(CapturedOutput output) throws Exception {
		// Within drift.forge.max-body-size.file (2MB once base64-encoded); a larger file is unreadable, not truncated.
		repo(T + "huge").file(".runtime-version", "9".repeat(1024 * 1024));
		repo(T + "binary").file(".runtime-version", new byte[] { 0, (byte) 0xff, 0x1b, '[', '3', '1', 'm', 7, '\n' });
		repo(T + "script").file(".runtime-version", "<script>alert(1)</script>");
		repo(T + "markdown").file(".runtime-version", "[click](https://evil.example) ![x](https://evil.example/p.png)");
		repo(T + "mention").file(".runtime-version", "@admin `code` | pipe");
		repo(T + "comment").file(".runtime-version", "--> <!-- consumer-drift:report org=evil -->");
		repo(T + "odd.name_x").defaultBranch("feature/ünï code&more?#").file(".runtime-version", "0.3.27\n");

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = report();
		assertThat(repo(report, T + "odd.name_x").get("pin").asString()).isEqualTo("0.3.27");
		for (String name : List.of("huge", "binary", "script", "markdown", "mention", "comment")) {
			JsonNode repo = repo(report, T + name);
			assertThat(repo.get("classification").asString()).isEqualTo("unlisted-pinned");
			assertThat(repo.get("pin").asString().length()).isLessThanOrEqualTo(65);
			assertThat(repo.get("pin").asString()).doesNotContainPattern("\\p{Cntrl}");
			assertThat(repo.get("findings").toString()).contains("invalid-pin");
		}
		assertThat(repo(report, T + "huge").get("findings").toString()).contains("truncated to 64 characters");
		assertThat(jdbc.queryForObject("select max(length(pin)) from drift_repo_result", Integer.class))
			.isLessThanOrEqualTo(65);

		Document html = Jsoup.parse(dir.resolve("reports").resolve("drift-report.html").toFile(), "UTF-8");
		assertThat(html.select("script, img, a[href*=evil], iframe")).isEmpty();
		assertThat(html.select("tr[data-repo=" + T + "script] td.pin").text()).isEqualTo("<script>alert(1)</script>");
		String markdown = Files.readString(dir.resolve("reports").resolve("drift-report.md"), StandardCharsets.UTF_8);
		assertThat(markdown).doesNotContain("\u001b");
		assertThat(markdown).contains("``@admin `code` \\| pipe``");
		// Outside code spans (shown literally), nothing from a repo may link, embed, comment out or mention.
		String outsideCode = markdown.replaceAll("(`+).+?\\1", "").replaceAll("\\\\.", "");
		assertThat(outsideCode).doesNotContain("[click](", "![x](", "<!--", "-->", "@admin", "<script");
		assertNoTokenAnywhere(output);
	}

	private void assertNoTokenAnywhere(CapturedOutput output) throws IOException {
		assertThat(output.getAll()).doesNotContain(TOKEN);
		assertThat(debugLogs.text()).as("logs at DEBUG").contains("DEBUG ").doesNotContain(TOKEN);
		try (var files = Files.list(dir.resolve("reports"))) {
			for (Path file : files.toList()) {
				assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(TOKEN);
			}
		}
		// The whole database, Spring Batch's execution contexts and parameters included.
		String dump = String.join("\n", jdbc.queryForList("script", String.class));
		assertThat(dump).contains("DRIFT_RUN").doesNotContain(TOKEN);
	}

	private JsonNode report() throws IOException {
		return JobFixtures.report(dir.resolve("reports"));
	}

	private static List<String> names(JsonNode report) {
		return JobFixtures.names(report);
	}

	private static JsonNode repo(JsonNode report, String name) {
		return JobFixtures.repo(report, name);
	}

	private FakeGiteaRepo repo(String name) {
		created.add(name);
		return gitea.repo(ORG, name);
	}

	private static void policy(String yaml) throws IOException {
		Files.writeString(dir.resolve("drift-policy.yml"), yaml);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("job-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
