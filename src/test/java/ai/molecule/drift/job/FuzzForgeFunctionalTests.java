package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.FakeGiteaRepo;
import tools.jackson.databind.JsonNode;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.T;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the whole job with a forge that lies: an org that passes, served through a proxy that
 * rewrites a few random answers per seed (see {@link FuzzMutation}). Checks one invariant only: a
 * run that passes (exit 0) reports exactly the repositories the forge named (and the enumerated
 * consumers), each classified as without the lies, with the same pin; and every run ends with its
 * reports. {@code -Dfuzz.seeds=N} (default 150) and {@code -Dfuzz.from=S} choose the seeds,
 * {@code -Dfuzz.seed=S} replays one.
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:fuzz-forge-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.request-timeout=2s",
				"drift.forge.request-deadline=2s", "drift.forge.retry-base-delay=1ms",
				"drift.forge.retry-max-delay=5ms", "logging.level.ai.molecule.drift=OFF" })
class FuzzForgeFunctionalTests {

	/** Consumers (in the policy), an exemption, clean templates, an archived unlisted pin: a PASS. */
	static final String POLICY = """
			consumers:
			  - molecule-ai-workspace-template-alpha
			  - molecule-ai-workspace-template-beta
			  - molecule-ai-workspace-template-gamma
			  - molecule-ai-workspace-template-theta
			  - molecule-core
			exempt:
			  - repo: molecule-ai-workspace-template-zeta
			    reason: prompts only
			max-lag-releases: 20
			""";

	static final int PAGES = 4;

	/**
	 * Seeds that once passed falsely, run every time: a root listing entry of an unknown type (or a
	 * number, or {@code null}) was left out, so the pin file it named was never read.
	 */
	static final List<Long> REGRESSIONS = List.of(10195L, 10236L, 10258L, 10838L);

	/**
	 * A Gitea without {@code contents-ext}: roots are listed with {@code contents}, the JSON array the root
	 * mutations rewrite ({@code contents-ext} wraps the same entries, parsed by the same code).
	 */
	static final FakeGitea gitea = FakeGitea.start().contentsExt(false);

	static final FuzzGitea forge = new FuzzGitea(gitea);

	static final Path dir = tempDir();

	static final Path reports = dir.resolve("reports");

	@Autowired
	JobOperatorTestUtils jobs;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Files.writeString(dir.resolve("drift-policy.yml"), POLICY);
		registry.add("drift.forge.base-url", () -> forge.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", reports::toString);
	}

	@AfterAll
	static void stop() {
		forge.close();
		gitea.close();
	}

	/** What a run said: its status and, by lower-case name, each repository's classification, archived flag and pin. */
	record Outcome(String status, Map<String, String> repos) {
	}

	@Test
	void aRunPassesOnlyWhenEveryNamedTemplateWasReadAndClassifiedAsWithoutTheLies() throws Exception {
		org();
		forge.plan(List.of());
		Outcome truth = run();
		assertThat(truth.status()).as("the org without lies").isEqualTo("pass");
		assertThat(truth.repos()).hasSize(9);

		List<Long> seeds = seeds();
		Map<String, Integer> outcomes = new LinkedHashMap<>();
		List.of("pass", "fail", "error").forEach((status) -> outcomes.put(status, 0));
		int lies = 0;
		List<String> falsePasses = new ArrayList<>();
		long started = System.nanoTime();
		for (long seed : seeds) {
			List<FuzzMutation> plan = plan(seed);
			forge.plan(plan);
			Outcome outcome = run();
			outcomes.merge(outcome.status(), 1, Integer::sum);
			lies += forge.applied().size();
			if (outcome.status().equals("pass")) {
				Map<String, String> expected = expected(truth);
				if (!outcome.repos().equals(expected)) {
					falsePasses.add("seed " + seed + " " + plan + "\n    applied " + applied() + "\n    expected "
							+ expected + "\n    reported " + outcome.repos());
				}
			}
			if (seeds.size() == 1) {
				System.out.println("Fuzz: seed " + seed + " " + plan + " -> " + outcome.status() + "\n    applied "
						+ applied());
			}
		}
		int fresh = seeds.size() - ((seeds.size() > 1) ? REGRESSIONS.size() : 0);
		System.out.printf("Fuzz: %d seeds from %d and %s (replay one with -Dfuzz.seed=S): %d false passes; outcomes %s;"
				+ " %d answers rewritten in %d ms%n", fresh, seeds.get(seeds.size() - 1) - fresh + 1,
				(seeds.size() > 1) ? "regression seeds " + REGRESSIONS : "no regression seed", falsePasses.size(),
				outcomes.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")),
				lies, (System.nanoTime() - started) / 1_000_000);
		assertThat(falsePasses).as("runs that passed on a forge that lied (replay with -Dfuzz.seed=S)").isEmpty();
	}

	/** The org every seed starts from: ten repositories (nine scanned) on four pages of three. */
	private static void org() {
		gitea.pageSize(3);
		JobFixtures.runtimeReleases(gitea);
		pinned(T + "alpha", "0.3.27").file("requirements.txt", "molecule-ai-workspace-runtime==0.3.27\n");
		pinned(T + "beta", "0.3.25");
		gitea.repo(ORG, T + "gamma").file(".runtime-version", "0.3.26\n");
		gitea.repo(ORG, T + "delta").file("README.md", "prompts only");
		gitea.repo(ORG, T + "epsilon").file("README.md", "a template").file("workspace/notes.md", "notes");
		pinned(T + "zeta", "0.3.20");
		pinned(T + "eta", "0.3.10").archived();
		pinned(T + "theta", "0.3.27").dir("workspace");
		gitea.repo(ORG, "unrelated-service").file(".runtime-version", "0.1.0\n");
		pinned("molecule-core", "0.3.27");
	}

	private static FakeGiteaRepo pinned(String name, String version) {
		return gitea.repo(ORG, name)
			.file(".runtime-version", version + "\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=" + version + "\nRUN pip install molecule-ai-workspace-runtime\n");
	}

	/** One to four lies, drawn from the seed. */
	static List<FuzzMutation> plan(long seed) {
		Random random = new Random(seed);
		List<String> repos = List.of(T + "alpha", T + "beta", T + "gamma", T + "delta", T + "epsilon", T + "zeta",
				T + "eta", T + "theta", "molecule-core", JobFixtures.RUNTIME);
		List<FuzzMutation> plan = new ArrayList<>();
		for (int i = 1 + random.nextInt(4); i > 0; i--) {
			plan.add(FuzzMutation.random(random, repos, PAGES));
		}
		return plan;
	}

	/** The rewritten requests of the last run, the first 20 of them. */
	private static String applied() {
		List<String> applied = forge.applied();
		return (applied.size() <= 20) ? applied.toString()
				: applied.subList(0, 20) + " and " + (applied.size() - 20) + " more";
	}

	/**
	 * The repositories a passing run must report: those the forge named in at least one listing page
	 * (a repository the forge never names does not exist for the job; Gitea also counts repositories
	 * the token cannot see), and the enumerated consumers, which are read whether listed or not.
	 */
	private static Map<String, String> expected(Outcome truth) {
		String listed = String.join("\n", forge.listings()).toLowerCase(Locale.ROOT);
		Map<String, String> expected = new TreeMap<>();
		truth.repos().forEach((name, state) -> {
			boolean consumer = POLICY.contains("- " + name + "\n");
			if (consumer || listed.contains("\"name\":\"" + name + "\"")) {
				expected.put(name, state);
			}
		});
		return expected;
	}

	private Outcome run() throws Exception {
		Files.deleteIfExists(reports.resolve("drift-report.json"));
		Files.deleteIfExists(reports.resolve("drift-report.html"));
		Files.deleteIfExists(reports.resolve("drift-report.md"));
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());
		JsonNode report = JobFixtures.report(reports);
		assertThat(reports.resolve("drift-report.html")).exists();
		assertThat(reports.resolve("drift-report.md")).exists();
		String status = report.get("status").asString();
		assertThat(report.get("exitCode").asInt()).isEqualTo(switch (status) {
			case "pass" -> 0;
			case "fail" -> 1;
			default -> 2;
		});
		assertThat(execution.getExecutionContext().getString(ReportTasklet.RUN_STATUS)).isEqualTo(status);
		Map<String, String> repos = new TreeMap<>();
		for (JsonNode repo : report.get("repos")) {
			repos.put(repo.get("name").asString().toLowerCase(Locale.ROOT), repo.get("classification").asString()
					+ (repo.get("archived").asBoolean() ? " archived" : "") + " pin=" + repo.get("pin"));
		}
		return new Outcome(status, repos);
	}

	private static List<Long> seeds() {
		String one = System.getProperty("fuzz.seed");
		if (one != null && !one.isBlank()) {
			return List.of(Long.parseLong(one.trim()));
		}
		long from = Long.getLong("fuzz.from", 1000);
		int count = Integer.getInteger("fuzz.seeds", 150);
		List<Long> seeds = new ArrayList<>(REGRESSIONS);
		for (int i = 0; i < count; i++) {
			seeds.add(from + i);
		}
		return seeds;
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("fuzz-forge-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
