package ai.molecule.drift.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.contract.FileFact;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.FakeGiteaRepo;

import static ai.molecule.drift.job.JobFixtures.ORG;
import static ai.molecule.drift.job.JobFixtures.RUNTIME;
import static ai.molecule.drift.job.JobFixtures.T;
import static ai.molecule.drift.job.JobFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendored contracts through the whole job on the fake Gitea: each state and finding of the contract, hostile
 * locks turned into precise findings without a request outside the organisation, and unreadable files turned
 * into an error run, never "in sync".
 */
@SpringBatchTest
@SpringBootTest(classes = ConsumerDriftApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:vendored-contracts-tests;DB_CLOSE_DELAY=-1",
				"drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms",
				"drift.forge.retry-max-delay=20ms", "drift.forge.max-body-size.file=1MB" })
class VendoredContractsFunctionalTests {

	static final String REGISTRY = "contracts/registry.py";

	static final String CURRENT = "PROVIDERS = ['a', 'b']\n";

	static final String OLD = "PROVIDERS = ['a']\n";

	static final FakeGitea gitea = FakeGitea.start();

	static final Path dir = tempDir();

	static final Path reports = dir.resolve("reports");

	@Autowired
	JobOperatorTestUtils jobs;

	final List<String> created = new ArrayList<>();

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
	void givenAnOrg() throws IOException {
		created.add(RUNTIME);
		JobFixtures.runtimeReleases(gitea);
		newRepo("controlplane").file(REGISTRY, CURRENT);
		gitea.repo("evil", "controlplane").file(REGISTRY, CURRENT);
		adopter("insync", REGISTRY, sha(CURRENT), "molecule-ai/controlplane").file(REGISTRY, CURRENT);
		adopter("stale", REGISTRY, sha(OLD), "molecule-ai/controlplane").file(REGISTRY, OLD);
		adopter("edited", REGISTRY, sha(CURRENT), "molecule-ai/controlplane").file(REGISTRY, CURRENT + "# edit\n");
		adopter("gone", REGISTRY, sha(CURRENT), "molecule-ai/controlplane");
		adopter("linked", REGISTRY, sha(CURRENT), "molecule-ai/controlplane").file("contracts/real.py", CURRENT)
			.symlink(REGISTRY, "real.py");
		adopter("folder", REGISTRY, sha(CURRENT), "molecule-ai/controlplane").file(REGISTRY + "/x.py", CURRENT);
		adopter("nosource", REGISTRY, sha(CURRENT), "molecule-ai/nowhere").file(REGISTRY, CURRENT);
		adopter("escape", "../../etc/passwd", sha(CURRENT), "molecule-ai/controlplane");
		adopter("absolute", "/etc/passwd", sha(CURRENT), "molecule-ai/controlplane");
		adopter("otherhost", REGISTRY, sha(CURRENT), "https://evil.example/molecule-ai/controlplane").file(REGISTRY, CURRENT);
		adopter("otherorg", REGISTRY, sha(CURRENT), "evil/controlplane").file(REGISTRY, CURRENT);
		adopter("badsha", REGISTRY, "abc123", "molecule-ai/controlplane").file(REGISTRY, CURRENT);
		newRepo(T + "notyaml").file(".runtime-version", "0.3.27\n").file("contracts/contracts.lock", "contracts: [\n  - {");
		newRepo(T + "biglock").file(".runtime-version", "0.3.27\n")
			.file("contracts/contracts.lock", "# padding\n".repeat(40_000) + "contracts: []\n");
		newRepo(T + "nolock").file(".runtime-version", "0.3.27\n");
		List<String> consumers = created.stream().filter((name) -> name.startsWith(T)).toList();
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [" + String.join(", ", consumers) + "]\n"
				+ "contracts-required: [" + REGISTRY + "]\n");
	}

	@AfterEach
	void removeOrg() {
		created.forEach((name) -> gitea.deleteRepo(ORG, name));
		gitea.deleteRepo("evil", "controlplane");
		gitea.clearFaults();
		gitea.clearRequests();
	}

	@Test
	void eachStateIsReportedAndHostileLocksAreFindingsThatReadNothingOutside() throws Exception {
		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		// Lock mismatches are errors by default: the run fails, but nothing is unknown.
		assertThat(report.get("status").asString()).isEqualTo("fail");
		Map<String, String> states = new TreeMap<>();
		Map<String, String> findings = new TreeMap<>();
		for (JsonNode repo : report.get("repos")) {
			String name = repo.get("name").asString().replace(T, "");
			repo.get("contracts").forEach((check) -> states.put(name, check.get("state").asString()));
			repo.get("findings").forEach((finding) -> {
				if (finding.get("code").asString().startsWith("contract-")) {
					findings.putIfAbsent(name, finding.get("code").asString() + ": " + finding.get("message").asString());
				}
			});
		}
		assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("insync", "in-sync"),
				Map.entry("stale", "drift"), Map.entry("edited", "lock-mismatch"), Map.entry("gone", "lock-mismatch"),
				Map.entry("linked", "lock-mismatch"), Map.entry("folder", "lock-mismatch"),
				Map.entry("nosource", "source-missing"), Map.entry("escape", "invalid"), Map.entry("absolute", "invalid"),
				Map.entry("otherhost", "invalid"), Map.entry("otherorg", "invalid"), Map.entry("badsha", "invalid")));
		assertThat(findings).containsEntry("gone",
				"contract-lock-mismatch: contracts/registry.py is locked in contracts/contracts.lock but is missing (404), not a file"
					.replace(", not a file", ""))
			.containsEntry("linked", "contract-lock-mismatch: contracts/registry.py is locked in contracts/contracts.lock "
					+ "but is a symbolic link, not a file")
			.containsEntry("folder", "contract-lock-mismatch: contracts/registry.py is locked in contracts/contracts.lock "
					+ "but is a directory, not a file")
			.containsEntry("otherorg", "contract-invalid-lock: contracts/contracts.lock entry 1 has a source in another "
					+ "organisation (evil); upstream files are read only in molecule-ai")
			.containsEntry("nosource", "contract-source-missing: the upstream of contracts/registry.py, "
					+ "molecule-ai/nowhere:contracts/registry.py, is missing (404)")
			.containsEntry("biglock", "contract-invalid-lock: contracts/contracts.lock is larger than 256 KiB, which no lock needs")
			.containsEntry("nolock", "contract-not-adopted: does not vendor contracts/registry.py with a lock in "
					+ "contracts/contracts.lock, which the policy's contracts-required asks of every consumer");
		assertThat(findings.get("notyaml")).startsWith("contract-invalid-lock: contracts/contracts.lock is not YAML (");
		assertThat(findings.get("escape")).endsWith("has a path that is no plain relative path (empty, \".\", \"..\" "
				+ "or \".git\" segments)");
		assertThat(repo(report, T + "edited").get("findings").toString()).contains("\"severity\":\"error\"");

		JsonNode summary = report.get("contracts").get(0);
		assertThat(summary.get("source").asString()).isEqualTo("molecule-ai/controlplane");
		assertThat(List.of(summary.get("adopters").asInt(), summary.get("inSync").asInt(), summary.get("drifted").asInt(),
				summary.get("lockMismatch").asInt())).containsExactly(6, 1, 1, 4);
		assertThat(summary.get("upstreamSha256").asString()).isEqualTo(sha(CURRENT));
		// A lock that names the file at another (invalid) path has not adopted it; an unreadable lock is one finding.
		assertThat(summary.get("notAdopted").valueStream().map(JsonNode::asString).toList())
			.containsExactly(T + "absolute", T + "escape", T + "nolock");

		assertThat(gitea.requests("/evil/|/etc/")).as("requests outside the organisation or the repository").isEmpty();
		assertThat(gitea.requests("/molecule-ai/controlplane/")).as("the upstream file, once per run").hasSize(1);
	}

	@Test
	void anUnreadableUpstreamMakesItsAdoptersUnknownAndTheRunAnError() throws Exception {
		gitea.failAlways("/molecule-ai/controlplane/", 500);
		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		JsonNode insync = repo(report, T + "insync");
		assertThat(insync.get("classification").asString()).isEqualTo("enumerated");
		assertThat(insync.get("contracts")).isEmpty();
		assertThat(insync.get("findings").get(0).get("code").asString()).isEqualTo("unreadable");
		assertThat(insync.get("findings").get(0).get("message").asString())
			.contains("reading the upstream molecule-ai/controlplane:contracts/registry.py").contains("HTTP 500");
	}

	@Test
	void aLockOverTheFileLimitIsAnErrorNamingTheSetting() throws Exception {
		gitea.repo(ORG, T + "biglock").file("contracts/contracts.lock", "#".repeat(3 << 20));
		jobs.startJob(jobs.getUniqueJobParameters());

		JsonNode report = JobFixtures.report(reports);
		assertThat(report.get("exitCode").asInt()).isEqualTo(2);
		assertThat(repo(report, T + "biglock").get("findings").toString()).contains("unreadable")
			.contains("drift.forge.max-body-size");
	}

	private FakeGiteaRepo adopter(String name, String path, String sha256, String source) {
		return newRepo(T + name).file(".runtime-version", "0.3.27\n").file("contracts/contracts.lock", """
				contracts:
				  - path: "%s"
				    sha256: "%s"
				    source: "%s"
				    source-path: %s
				""".formatted(path, sha256, source, REGISTRY));
	}

	static String sha(String text) {
		return FileFact.sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private FakeGiteaRepo newRepo(String name) {
		created.add(name);
		return gitea.repo(ORG, name);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("vendored-contracts-tests");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
