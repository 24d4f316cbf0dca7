package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.HostileGitea;
import ai.molecule.drift.forge.HostileRepo;
import ai.molecule.drift.forge.HostileRepo.Answer;
import tools.jackson.databind.JsonNode;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.SSOT_DATE;
import static ai.molecule.drift.job.JobFixtures.T;
import static ai.molecule.drift.job.JobFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a Gitea-compatible server that contradicts itself: its root listing names a
 * file (or a directory) that its reads then deny, turn into something else, or cut short. Each lie
 * makes that repository {@code unknown} and the run an error (exit 2) whose report names the repository
 * and the contradiction; without the lie the same repository fails the run as {@code unlisted-pinned}.
 * Before, each of these passed as {@code clean}: a false PASS.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:contradiction-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms",
				"drift.forge.retry-max-delay=20ms" })
class ContradictingForgeFunctionalTests {

	static final String PIN = ".runtime-version";

	static final String LIAR = T + "liar";

	static final HostileGitea forge = HostileGitea.start(ORG);

	static final Path dir = tempDir();

	@Autowired
	JobOperatorTestUtils jobs;

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> forge.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", () -> dir.resolve("reports").toString());
	}

	@AfterAll
	static void stopForge() {
		forge.close();
	}

	@BeforeEach
	void givenAnOrgWithAnHonestConsumerAndAnUnlistedPinnedRepo() throws IOException {
		forge.reset();
		for (int patch = 0; patch <= 27; patch++) {
			forge.tag("runtime-v0.3." + patch, SSOT_DATE.minus((27 - patch) * 3L, ChronoUnit.DAYS));
		}
		forge.repo(T + "honest").file(PIN, "0.3.27\n").file("Dockerfile", "ARG RUNTIME_VERSION=0.3.27\n");
		forge.repo(LIAR)
			.file(PIN, "0.3.20\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.20\n")
			.file("requirements.txt", "molecule-ai-workspace-runtime==0.3.20\n");
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [" + T + "honest]\n");
	}

	@Test
	void withoutALieTheUnlistedPinIsFoundAndFailsTheRun() throws Exception {
		forge.repo(LIAR).dir("workspace");

		JsonNode report = run();

		assertThat(report.get("exitCode").asInt()).isEqualTo(1);
		assertThat(repo(report, LIAR).get("classification").asString()).isEqualTo("unlisted-pinned");
		assertThat(repo(report, LIAR).get("findings").toString()).contains("vendored-runtime");
		assertThat(repo(report, T + "honest").get("classification").asString()).isEqualTo("enumerated");
	}

	/** One way to contradict the listing: the script, whether the server has the batch endpoint, what the report says. */
	record Lie(String name, boolean batch, Consumer<HostileRepo> script, String says) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Lie> lies() {
		return Stream.of(
				new Lie("listed, left out of the batch, then 404", true,
						r -> r.batchAnswers(PIN, Answer.NOTHING).singleAnswers(PIN, Answer.NOTHING),
						PIN + " is listed as a file but reading it answered 404 (the batch read had left it out)"),
				new Lie("listed, an empty batch answer, then 404", true,
						r -> r.batchAnswersNothing().singleAnswers(PIN, Answer.NOTHING),
						PIN + " is listed as a file but reading it answered 404 (the batch read had left it out)"),
				new Lie("listed, then 404 on a server without the batch endpoint", false,
						r -> r.singleAnswers(PIN, Answer.NOTHING), PIN + " is listed as a file but reading it answered 404"),
				new Lie("listed as a file, the batch answers a directory", true,
						r -> r.batchAnswers(PIN, Answer.DIRECTORY),
						PIN + " is listed as a file but reading it answered a directory"),
				new Lie("listed as a file, the single read answers a directory", false,
						r -> r.singleAnswers(PIN, Answer.DIRECTORY),
						PIN + " is listed as a file but reading it answered a directory"),
				new Lie("the batch says present without content, the raw read 404", true,
						r -> r.noInlineContent(PIN).rawMissing(PIN),
						PIN + " is listed as a file but reading it answered 404 for its raw content"),
				new Lie("the Dockerfile listed, then 404", true,
						r -> r.batchAnswers("Dockerfile", Answer.NOTHING).singleAnswers("Dockerfile", Answer.NOTHING),
						"Dockerfile is listed as a file but reading it answered 404"),
				new Lie("requirements.txt listed as a file, read as a directory", false,
						r -> r.singleAnswers("requirements.txt", Answer.DIRECTORY),
						"requirements.txt is listed as a file but reading it answered a directory"),
				new Lie("workspace listed as a directory, read as a file", true,
						r -> r.dir("workspace").singleAnswers("workspace", Answer.FILE),
						"workspace is listed as a directory but reading it answered a file"),
				new Lie("molecule_runtime listed as a directory, then 404", true,
						r -> r.dir("molecule_runtime").singleAnswers("molecule_runtime", Answer.NOTHING),
						"molecule_runtime is listed as a directory but reading it answered 404"),
				new Lie("inline content shorter than the size", true, r -> r.claimsSize(PIN, 1_048_576),
						PIN + " was cut short: the forge says it has 1048576 bytes but answered 7"),
				new Lie("raw content shorter than the size", false,
						r -> r.noInlineContent(PIN).claimsSize(PIN, 20L * 1024 * 1024),
						PIN + " was cut short: the forge says it has 20971520 bytes but answered 7"),
				new Lie("empty in the org listing, entries at the root", true, HostileRepo::claimsEmpty,
						"the org listing says the repository is empty but its root lists 3 entries"),
				new Lie("listed twice, as a file and as a directory", true, r -> r.listedAlsoAs(PIN, "dir"),
						PIN + " is listed twice, as a file and as a directory"),
				new Lie("archived, listed, then 404", true,
						r -> r.archived().batchAnswers(PIN, Answer.NOTHING).singleAnswers(PIN, Answer.NOTHING),
						PIN + " is listed as a file but reading it answered 404"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lies")
	void aContradictionMakesTheRepoUnknownAndTheRunAnErrorNeverAPass(Lie lie) throws Exception {
		forge.batchEndpoint(lie.batch());
		lie.script().accept(forge.repo(LIAR));

		JsonNode report = run();

		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("status").asString()).isEqualTo("error");
		JsonNode liar = repo(report, LIAR);
		assertThat(liar.get("classification").asString()).isEqualTo("unknown");
		assertThat(liar.get("pin").isNull()).isTrue();
		JsonNode finding = liar.get("findings").get(0);
		assertThat(finding.get("code").asString()).isEqualTo("unreadable");
		assertThat(finding.get("severity").asString()).isEqualTo("error");
		assertThat(finding.get("message").asString()).contains("reading " + ORG + "/" + LIAR + ": " + lie.says());
		assertThat(report.get("reasons").get(0).asString()).contains("could not be read", LIAR);
		assertThat(report.get("counts").get("clean").asInt()).isZero();
		// The honest repository next to it is read as ever.
		assertThat(repo(report, T + "honest").get("classification").asString()).isEqualTo("enumerated");
		assertThat(repo(report, T + "honest").get("findings")).isEmpty();
	}

	private JsonNode run() throws Exception {
		jobs.startJob(jobs.getUniqueJobParameters());
		return JobFixtures.report(dir.resolve("reports"));
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("contradiction-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
