package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.RUNTIME;
import static ai.molecule.drift.job.JobFixtures.T;
import static ai.molecule.drift.job.JobFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job against a forge that misbehaves and repositories that try to break the reports: transient
 * faults change nothing, persistent ones are errors naming the culprit, lies are caught, and the
 * token (logged at DEBUG everywhere) never appears in any output.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:adversarial-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=4", "drift.forge.request-timeout=400ms",
				"drift.forge.retry-base-delay=5ms", "drift.forge.retry-max-delay=50ms", "logging.level.root=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class AdversarialJobFunctionalTests {

	static final String TOKEN = "tok-adversarial-9b1d77e2";

	/** DEBUG everywhere, checked for the token but not printed. */
	@RegisterExtension
	static final DebugLogs debugLogs = new DebugLogs();

	static final FakeGitea gitea = FakeGitea.start().requireToken(TOKEN);

	static final Path dir = tempDir();

	static final Path reports = dir.resolve("reports");

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> created = new ArrayList<>();

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> gitea.baseUrl().toString());
		registry.add("drift.forge.token", () -> TOKEN);
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", reports::toString);
	}

	@AfterAll
	static void stopGitea() {
		gitea.close();
	}

	@BeforeEach
	void givenAnOrg() throws IOException {
		created.add(RUNTIME);
		JobFixtures.runtimeReleases(gitea);
		for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
			newRepo(T + name).file(".runtime-version", "0.3." + (name.charAt(0) - 'a' + 20) + "\n")
				.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.20\n");
		}
		newRepo(T + "clean").file("README.md", "nothing pinned");
		Files.writeString(dir.resolve("drift-policy.yml"), """
				consumers: [molecule-ai-workspace-template-a, molecule-ai-workspace-template-b,
				  molecule-ai-workspace-template-c, molecule-ai-workspace-template-d, molecule-ai-workspace-template-e,
				  molecule-ai-workspace-template-f, molecule-ai-workspace-template-g]
				""");
	}

	@AfterEach
	void removeOrg(CapturedOutput output) throws IOException {
		created.forEach(name -> gitea.deleteRepo(ORG, name));
		gitea.clearFaults();
		gitea.clearRequests();
		assertThat(output.getAll()).as("logs").doesNotContain(TOKEN);
		assertThat(debugLogs.text()).as("logs at DEBUG").contains("DEBUG ").doesNotContain(TOKEN);
		assertThat(JobFixtures.allText(reports)).as("reports").doesNotContain(TOKEN);
		assertThat(String.join("\n", jdbc.queryForList("script", String.class))).as("database, Batch contexts included")
			.doesNotContain(TOKEN);
	}

	@Test
	void transientFaultsAreRetriedAndChangeNothing() throws Exception {
		jobs.startJob(jobs.getUniqueJobParameters());
		String faultFree = withoutRunIdentity(JobFixtures.report(reports));
		gitea.clearRequests();

		gitea.failTimes("/orgs/molecule-ai/repos", 503, 1, "0")
			.failTimes("/molecule-ai-workspace-runtime/tags", 502, 1, null)
			.failTimes("/molecule-ai-workspace-runtime/releases", 429, 1, "1")
			.failTimes(T + "a/contents", 500, 1, null)
			.failTimes(T + "b/", 502, 2, null)
			.failTimes(T + "c/file-contents", 503, 1, null)
			.failTimes(T + "d/", 504, 1, null)
			.failTimes(T + "e/", 429, 1, "1")
			.dropConnection(T + "f/", 1)
			.delay(T + "g/", Duration.ofSeconds(2), 1);
		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode faulty = JobFixtures.report(reports);
		assertThat(withoutRunIdentity(faulty)).isEqualTo(faultFree);
		assertThat(faulty.get("status").asString()).isEqualTo("pass");
		for (String name : List.of("a", "b", "c", "d", "e", "g")) {
			// Two requests per repository without faults: every faulty one needed more.
			assertThat(gitea.requests(T + name + "/")).as(name).hasSizeGreaterThan(2);
		}
	}

	@Test
	void persistentTimeoutsMakeTheRepoUnreadableNeverClean() throws Exception {
		long before = jobs.startJob(jobs.getUniqueJobParameters()).getExecutionContext().getLong("runId");
		gitea.delay(T + "clean/", Duration.ofSeconds(2), -1);

		long after = jobs.startJob(jobs.getUniqueJobParameters()).getExecutionContext().getLong("runId");

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		JsonNode stuck = repo(report, T + "clean");
		assertThat(stuck.get("classification").asString()).isEqualTo("unknown");
		assertThat(stuck.get("findings").get(0).get("message").asString()).contains("timed out");
		assertThat(report.get("reasons").get(0).asString()).contains(T + "clean");
		assertThat(report.get("counts").get("clean").asInt()).isZero();
		// The earlier run keeps what it knew; the failed read is recorded as unknown, never as clean.
		String sql = "select classification from drift_repo_result where run_id = ? and name = ?";
		assertThat(jdbc.queryForObject(sql, String.class, before, T + "clean")).isEqualTo("clean");
		assertThat(jdbc.queryForObject(sql, String.class, after, T + "clean")).isEqualTo("unknown");
	}

	@Test
	void aNameTooLongForItsColumnIsStoredShortenedAndTheRestOfTheOrgIsScanned() throws Exception {
		String longName = T + "x".repeat(340 - T.length());
		newRepo(longName).file(".runtime-version", "0.3.20\n");

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("status").asString()).isEqualTo("fail");
		assertThat(report.get("repos").size()).isEqualTo(9);
		assertThat(repo(report, T + "a").get("classification").asString()).isEqualTo("enumerated");
		JsonNode cut = report.get("repos").valueStream()
			.filter((r) -> r.get("name").asString().startsWith(T + "xxx"))
			.findFirst()
			.orElseThrow();
		assertThat(cut.get("name").asString()).hasSize(255).matches("molecule-ai-workspace-template-x+\u2026[0-9a-f]{8}");
		assertThat(cut.get("classification").asString()).isEqualTo("unlisted-pinned");
		// Every report shows it shortened, with the hash that tells it from other long names.
		String hash = cut.get("name").asString().substring(255 - 8);
		assertThat(JobFixtures.allText(reports).split(hash, -1)).hasSizeGreaterThan(3);
	}

	@Test
	void anHtmlPageWhereJsonWasExpectedIsAnErrorNamingThePath() throws Exception {
		gitea.htmlPage("/orgs/molecule-ai/repos");

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).contains("GET /api/v1/orgs/molecule-ai/repos",
				"expected JSON but got an HTML page");
	}

	@Test
	void truncatedJsonMakesThatRepoUnreadable() throws Exception {
		gitea.truncate(T + "d/file-contents");

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(repo(report, T + "d").get("findings").get(0).get("message").asString())
			.contains("/repos/molecule-ai/molecule-ai-workspace-template-d/file-contents", "not valid JSON");
		assertThat(repo(report, T + "c").get("classification").asString()).isEqualTo("enumerated");
		assertThat(repo(report, T + "c").get("findings").toString()).doesNotContain("unreadable");
	}

	@Test
	void aNextLinkLoopingBackStopsTheListingWithAnError() throws Exception {
		gitea.pageSize(3);
		String pageOne = gitea.baseUrl() + "/api/v1/orgs/molecule-ai/repos?limit=50&page=1";
		gitea.header("/orgs/molecule-ai/repos.*page=2", "Link", "<" + pageOne + ">; rel=\"next\"");
		try {
			jobs.startJob(jobs.getUniqueJobParameters());
		}
		finally {
			gitea.pageSize(50);
		}

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).contains("points back to", "already read");
		assertThat(gitea.requests("/orgs/molecule-ai/repos")).extracting(FakeGitea.Request::target)
			.doesNotHaveDuplicates()
			.hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void aTotalCountBelowWhatArrivesIsAnErrorNamingBothNumbers() throws Exception {
		gitea.pageSize(3).header("/orgs/molecule-ai/repos", "X-Total-Count", "4");
		try {
			jobs.startJob(jobs.getUniqueJobParameters());
		}
		finally {
			gitea.pageSize(50);
		}

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).contains("did not settle",
				"X-Total-Count says 4 but 9 distinct items arrived");
	}

	@Test
	void theSsotComesFromPublishedReleaseTagsOnlyWhateverPyprojectSays() throws Exception {
		gitea.deleteRepo(ORG, RUNTIME);
		JobFixtures.runtimeReleases(gitea);
		// 0.3.27's release is still a draft, and some tags do not parse: the SSOT is 0.3.26.
		gitea.release(ORG, RUNTIME, "runtime-v0.3.27", JobFixtures.SSOT_DATE, true, false);
		gitea.tag(ORG, RUNTIME, "runtime-v0.3.x", JobFixtures.SSOT_DATE);
		gitea.tag(ORG, RUNTIME, "runtime-v1.0", JobFixtures.SSOT_DATE);
		gitea.tag(ORG, RUNTIME, "runtime-v0.9.0-rc.1", JobFixtures.SSOT_DATE);

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode ssot = JobFixtures.report(reports).get("ssot");
		assertThat(ssot.get("version").asString()).isEqualTo("0.3.26");
		assertThat(ssot.get("source").asString()).isEqualTo("release-tag");
		assertThat(gitea.requests("pyproject")).isEmpty();
	}

	private static String withoutRunIdentity(JsonNode report) {
		ObjectNode copy = (ObjectNode) report.deepCopy();
		copy.remove(List.of("runId", "startedAt", "finishedAt"));
		return JsonMapper.builder().build().writeValueAsString(copy);
	}

	private FakeGiteaRepo newRepo(String name) {
		created.add(name);
		return gitea.repo(ORG, name);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("adversarial-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
