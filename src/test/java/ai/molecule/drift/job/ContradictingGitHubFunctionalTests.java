package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import ai.molecule.drift.forge.FakeGitHub;
import tools.jackson.databind.JsonNode;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.RUNTIME;
import static ai.molecule.drift.job.JobFixtures.SSOT_DATE;
import static ai.molecule.drift.job.JobFixtures.T;
import static ai.molecule.drift.job.JobFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on GitHub when GraphQL's root tree and its objects disagree, or GraphQL has no whole
 * text and the REST read then denies the file: the repository is {@code unknown} and the run an error
 * naming it and the contradiction, where it used to pass as {@code clean}.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:github-contradiction-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=github", "drift.forge.token=" + ContradictingGitHubFunctionalTests.TOKEN,
				"drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms", "drift.forge.retry-max-delay=20ms" })
class ContradictingGitHubFunctionalTests {

	static final String TOKEN = "ghp_Contradict1onT3stT0ken000000000000";

	static final String PIN = ".runtime-version";

	static final String LIAR = T + "liar";

	/** Over GitHub's 1 MB of GraphQL text: whitespace, then the version. */
	static final String LONG_PIN = " ".repeat(1024 * 1024 + 10) + "0.3.20\n";

	static final FakeGitHub github = FakeGitHub.start().requireToken(TOKEN);

	static final Path dir = tempDir();

	@Autowired
	JobOperatorTestUtils jobs;

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
	void givenAnOrgWithAnHonestConsumer() throws IOException {
		for (int patch = 0; patch <= 27; patch++) {
			github.release(ORG, RUNTIME, "runtime-v0.3." + patch, SSOT_DATE.minus((27 - patch) * 3L, ChronoUnit.DAYS),
					false, false);
			github.tag(ORG, RUNTIME, "runtime-v0.3." + patch, SSOT_DATE.minus((27 - patch) * 3L + 1, ChronoUnit.DAYS));
		}
		github.repo(ORG, T + "honest").file(PIN, "0.3.27\n");
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [" + T + "honest]\n");
	}

	@AfterEach
	void removeOrg() {
		github.deleteRepo(ORG, LIAR).deleteRepo(ORG, T + "honest").deleteRepo(ORG, RUNTIME).clearFaults();
	}

	@Test
	void withoutALieAWholeTextOverOneMegabyteIsReadThroughRestAndFailsTheRun() throws Exception {
		github.repo(ORG, LIAR).file(PIN, LONG_PIN);

		JsonNode report = run();

		assertThat(report.get("exitCode").asInt()).isEqualTo(1);
		assertThat(repo(report, LIAR).get("classification").asString()).isEqualTo("unlisted-pinned");
		assertThat(repo(report, LIAR).get("pin").asString()).isEqualTo("0.3.20");
	}

	/** A lie: what it does to the liar's files and the fake, and what the report must say. */
	record Lie(String name, Consumer<FakeGitHub> script, String says) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Lie> lies() {
		return Stream.of(
				new Lie("the root tree lists the pin, its object is nothing",
						g -> g.hideFromGraphQl(ORG, LIAR, PIN),
						PIN + " is listed as a file but reading it answered nothing (no object at HEAD:" + PIN + ")"),
				new Lie("the root tree lists the Dockerfile, its object is nothing",
						g -> g.hideFromGraphQl(ORG, LIAR, "Dockerfile"),
						"Dockerfile is listed as a file but reading it answered nothing (no object at HEAD:Dockerfile)"),
				new Lie("the root tree lists workspace/, its object is nothing", g -> {
					g.repo(ORG, LIAR).dir("workspace");
					g.hideFromGraphQl(ORG, LIAR, "workspace");
				}, "workspace is listed as a directory but reading it answered nothing (no object at HEAD:workspace)"),
				new Lie("GraphQL truncates the pin, REST answers 404", g -> {
					g.repo(ORG, LIAR).file(PIN, LONG_PIN);
					g.failAlways("/repos/" + ORG + "/" + LIAR + "/contents/\\.runtime-version", 404);
				}, PIN + " is listed as a file but reading it answered 404 (GraphQL gave no whole text for its "
						+ LONG_PIN.length() + " bytes)"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lies")
	void aContradictionMakesTheRepoUnknownAndTheRunAnError(Lie lie) throws Exception {
		github.repo(ORG, LIAR).file(PIN, "0.3.20\n").file("Dockerfile", "ARG RUNTIME_VERSION=0.3.20\n");
		lie.script().accept(github);

		JsonNode report = run();

		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		JsonNode liar = repo(report, LIAR);
		assertThat(liar.get("classification").asString()).isEqualTo("unknown");
		assertThat(liar.get("findings").get(0).get("code").asString()).isEqualTo("unreadable");
		assertThat(liar.get("findings").get(0).get("message").asString())
			.contains("reading " + ORG + "/" + LIAR + ": " + lie.says());
		assertThat(report.get("reasons").get(0).asString()).contains(LIAR);
		assertThat(repo(report, T + "honest").get("classification").asString()).isEqualTo("enumerated");
	}

	private JsonNode run() throws Exception {
		jobs.startJob(jobs.getUniqueJobParameters());
		return JobFixtures.report(dir.resolve("reports"));
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("github-contradiction-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
