package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.HostileForge;
import ai.molecule.drift.forge.HostileOrg;
import tools.jackson.databind.JsonNode;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.RUNTIME;
import static ai.molecule.drift.job.JobFixtures.T;
import static ai.molecule.drift.job.JobFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a forge that floods or stalls (a server of the test's own, not the friendly
 * fake): a repository whose answer is too large or too slow is unknown and the run an error naming it;
 * an org listing that lies or never ends stops the run with exit 2, never 0. Limits and deadlines are
 * set low so that each run takes seconds.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:hostile-forge-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.request-timeout=5s",
				"drift.forge.request-deadline=1s", "drift.forge.max-body-size.file=1MB",
				"drift.forge.max-body-size.page=128KB", "drift.forge.retry-base-delay=5ms",
				"drift.forge.retry-max-delay=20ms" })
class HostileForgeJobFunctionalTests {

	static final HostileOrg org = new HostileOrg(ORG, RUNTIME).clean(T + "clean")
		.repo(T + "bomb", HostileForge.gzipBomb(256L << 20))
		.repo(T + "endless", HostileForge.endlessChunked())
		.repo(T + "huge", HostileForge.hugeArray(200_000))
		.repo(T + "trickle", HostileForge.trickleBody(1000, Duration.ofMillis(100)));

	static final HostileForge forge = start();

	static final Path dir = tempDir();

	static final Path reports = dir.resolve("reports");

	@Autowired
	JobOperatorTestUtils jobs;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: []\n");
		registry.add("drift.forge.base-url", () -> forge.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", reports::toString);
	}

	@AfterAll
	static void stop() throws IOException {
		forge.close();
	}

	@AfterEach
	void honestListing() {
		org.honest();
	}

	@Test
	void repositoriesThatFloodOrStallAreUnknownAndTheRunAnErrorNamingThem() throws Exception {
		long start = System.nanoTime();
		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(repo(report, T + "clean").get("classification").asString()).isEqualTo("clean");
		for (String name : new String[] { "bomb", "endless", "huge", "trickle" }) {
			assertThat(repo(report, T + name).get("classification").asString()).as(name).isEqualTo("unknown");
			assertThat(report.get("reasons").toString()).as(name).contains(T + name);
		}
		assertThat(repo(report, T + "bomb").get("findings").toString()).contains("drift.forge.max-body-size.file");
		assertThat(repo(report, T + "endless").get("findings").toString()).contains("drift.forge.max-body-size.file");
		assertThat(repo(report, T + "huge").get("findings").toString()).contains("JSON values");
		assertThat(repo(report, T + "trickle").get("findings").toString()).contains("timed out",
				"drift.forge.request-deadline");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aListingWhosePagesShiftInBothListingsIsAnError() throws Exception {
		// A repository deleted after page 1 is read: the count drops and a name moves out of sight, every time.
		org.listing((target) -> target.contains("page=1") ? page(target, 2, 6, T + "bomb", T + "clean", RUNTIME)
				: HostileForge.json(HostileForge.repos(T + "trickle"), "X-Total-Count: 5",
						"Link: <" + forge.baseUrl() + "/api/v1/orgs/molecule-ai/repos?page=1>; rel=\"first\""));

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).contains("GET /api/v1/orgs/molecule-ai/repos",
				"did not settle", "X-Total-Count changed between pages (6, then 5)");
	}

	@Test
	void aListingThatNeverEndsIsAnErrorWithinTheAnnouncedPages() throws Exception {
		org.listing((target) -> {
			int number = Integer.parseInt(target.replaceAll(".*[?&]page=(\\d+).*", "$1"));
			return page(target, number + 1, 6, T + "x" + number);
		});

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).contains("X-Total-Count says 6 but 17 distinct items");
	}

	@Test
	void aListingPageThatIsAGzipBombIsAnError() throws Exception {
		org.listing((target) -> HostileForge.gzipBomb(256L << 20));

		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(report.get("reasons").get(0).asString()).contains("drift.forge.max-body-size.page");
	}

	private static HostileForge.Answer page(String target, int next, int total, String... names) {
		String base = forge.baseUrl() + target.replaceAll("([?&]page=)\\d+", "$1");
		return HostileForge.json(HostileForge.repos(names), "Link: <" + base + next + ">; rel=\"next\"",
				"X-Total-Count: " + total);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("hostile-forge-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HostileForge start() {
		try {
			return HostileForge.start(org);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
