package ai.molecule.drift.contract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.GiteaForge;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.model.ContractState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the contract checks cost on Gitea 1.24+, and what they read, against the fake Gitea. */
class ContractReaderTests {

	private static final String REGISTRY = "contracts/provider_registry.py";

	private static final byte[] GENERATED = "PROVIDERS = ['a', 'b']\n".getBytes(StandardCharsets.UTF_8);

	private final FakeGitea gitea = FakeGitea.start();

	private final Forge forge = new GiteaForge(new DriftProperties.Forge(DriftProperties.ForgeType.GITEA, gitea.baseUrl(),
			null, null, Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofSeconds(1),
			Duration.ofMinutes(1), DriftProperties.BodyLimits.defaults()), JsonMapper.builder().build());

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void eachAdopterCostsOneRequestAndEachUpstreamFileOnePerRun() {
		gitea.repo("acme", "controlplane").file(REGISTRY, GENERATED);
		for (String name : List.of("a", "b", "c")) {
			adopter(name, GENERATED, FileFact.sha256(GENERATED));
		}
		gitea.repo("acme", "plain").file("README.md", "x\n");
		ContractReader reader = new ContractReader(forge, "acme", List.of(REGISTRY));
		Map<String, RepoFiles> roots = roots("a", "b", "c", "plain");
		gitea.clearRequests();

		for (String name : List.of("a", "b", "c")) {
			ContractEvidence evidence = reader.read(ref(name), roots.get(name));
			assertThat(ContractDecision.decide(evidence, List.of(REGISTRY), true).checks()).singleElement()
				.extracting((check) -> check.state())
				.isEqualTo(ContractState.IN_SYNC);
		}
		assertThat(reader.read(ref("plain"), roots.get("plain"))).isEqualTo(ContractEvidence.NONE);
		// One batched read per adopter (lock and vendored file together), one read of the upstream file.
		assertThat(gitea.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/a/file-contents", "/api/v1/repos/acme/controlplane/contents/" + REGISTRY,
					"/api/v1/repos/acme/b/file-contents", "/api/v1/repos/acme/c/file-contents");
	}

	@Test
	void withoutARequiredPathTheFirstAdopterTeachesTheRest() {
		gitea.repo("acme", "controlplane").file(REGISTRY, GENERATED);
		adopter("a", GENERATED, FileFact.sha256(GENERATED));
		adopter("b", GENERATED, FileFact.sha256(GENERATED));
		ContractReader reader = new ContractReader(forge, "acme", List.of());
		Map<String, RepoFiles> roots = roots("a", "b");
		gitea.clearRequests();
		reader.read(ref("a"), roots.get("a"));
		reader.read(ref("b"), roots.get("b"));
		assertThat(gitea.requests("/acme/[ab]/")).extracting(FakeGitea.Request::path)
			.containsExactly("/api/v1/repos/acme/a/file-contents", "/api/v1/repos/acme/a/file-contents",
					"/api/v1/repos/acme/b/file-contents");
	}

	@Test
	void anUnreadableUpstreamMakesEveryAdopterUnknownForOneFailedRead() {
		gitea.repo("acme", "controlplane").file(REGISTRY, GENERATED);
		adopter("a", GENERATED, FileFact.sha256(GENERATED));
		adopter("b", GENERATED, FileFact.sha256(GENERATED));
		gitea.failAlways("/controlplane/contents/", 500);
		ContractReader reader = new ContractReader(forge, "acme", List.of(REGISTRY));
		for (String name : List.of("a", "b")) {
			assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> reader.read(ref(name), root(name)))
				.withMessageContaining("reading the upstream acme/controlplane:" + REGISTRY + " of " + REGISTRY)
				.withMessageContaining("HTTP 500");
		}
		assertThat(gitea.requests("/controlplane/")).hasSize(2);
	}

	@Test
	void anUpstreamInAnotherOrganisationIsNeverRequested() {
		gitea.repo("acme", "a").file(ContractLock.PATH, """
				contracts:
				  - {path: %s, sha256: %s, source: evil/controlplane}
				""".formatted(REGISTRY, FileFact.sha256(GENERATED))).file(REGISTRY, GENERATED);
		gitea.repo("evil", "controlplane").file(REGISTRY, GENERATED);
		ContractEvidence evidence = new ContractReader(forge, "acme", List.of()).read(ref("a"), root("a"));
		assertThat(ContractDecision.decide(evidence, List.of(), true).checks()).singleElement()
			.extracting((check) -> check.state())
			.isEqualTo(ContractState.INVALID);
		assertThat(gitea.requests("/evil/")).isEmpty();
	}

	private void adopter(String name, byte[] vendored, String lockedSha) {
		gitea.repo("acme", name).file(ContractLock.PATH, """
				contracts:
				  - path: %s
				    sha256: %s
				    source: acme/controlplane
				""".formatted(REGISTRY, lockedSha)).file(REGISTRY, vendored);
	}

	private static RepoRef ref(String name) {
		return new RepoRef("acme", name, "main", false, false, false);
	}

	private RepoFiles root(String name) {
		return forge.readFiles(ref(name), Set.of());
	}

	private Map<String, RepoFiles> roots(String... names) {
		Map<String, RepoFiles> roots = new HashMap<>();
		for (String name : names) {
			roots.put(name, root(name));
		}
		return roots;
	}
}
