package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import ai.molecule.drift.forge.LocalForge;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.RepoFiles.TreeEntry.Type;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseTag;
import ai.molecule.drift.lag.SsotResolver;
import ai.molecule.drift.lag.Version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DemoOrgTests {

	private static final String T = "molecule-ai-workspace-template-";

	private static final Set<String> PIN_FILES = Set.of(".runtime-version", "Dockerfile", "requirements.txt",
			"README.md");

	@TempDir
	static Path dir;

	static DemoOrg demo;

	static LocalForge forge;

	@BeforeAll
	static void createDemo() throws IOException {
		demo = DemoOrg.create(dir.resolve("demo"));
		forge = new LocalForge(demo.root());
	}

	@Test
	void describesItselfWithTheDefaultNames() {
		assertThat(demo.root()).isEqualTo(dir.resolve("demo/molecule-ai")).isDirectory();
		assertThat(demo.policyFile()).isEqualTo(dir.resolve("demo/drift-policy.yml")).isRegularFile();
		assertThat(demo.org()).isEqualTo("molecule-ai");
		assertThat(demo.repoPrefix()).isEqualTo(T);
		assertThat(demo.ssotRepo()).isEqualTo("molecule-ai-workspace-runtime");
		assertThat(demo.tagPrefix()).isEqualTo("runtime-v");
		assertThat(demo.ssotVersion()).isEqualTo("0.3.27");
		assertThat(demo.ssotPublishedAt()).isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
	}

	@Test
	void refusesToOverwriteAnExistingOrg() {
		assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(() -> DemoOrg.create(dir.resolve("demo")));
	}

	@Test
	void orgHoldsTheIntendedRepositories() {
		List<RepoRef> repos = forge.listRepos(demo.org());
		assertThat(repos).extracting(RepoRef::name).containsExactly("molecule-ai-website", "molecule-ai-workspace-runtime",
				T + "autogen", T + "autogpt", T + "browser-use", T + "claude-code", T + "codex", T + "crewai",
				T + "deepagents", T + "gemini-cli", T + "google-adk", T + "hermes", T + "langgraph", T + "openhands",
				T + "seo-agent", T + "smolagents", T + "starter", "molecule-controlplane", "molecule-core");
		assertThat(repos).filteredOn(RepoRef::archived).extracting(RepoRef::name).containsExactly(T + "autogpt");
		assertThat(repos).allSatisfy(r -> assertThat(r.defaultBranch()).isEqualTo("main"));
	}

	@Test
	void runtimeTagsCarryFixedDatesThatOnlyVersionOrderRanksCorrectly() {
		Map<String, ReleaseTag> tags = forge.listReleaseTags(demo.org(), demo.ssotRepo()).stream()
			.collect(Collectors.toMap(ReleaseTag::name, Function.identity()));
		List<String> releases = IntStream.rangeClosed(0, 27).mapToObj(p -> "runtime-v0.3." + p).toList();
		assertThat(tags).containsOnlyKeys(concat(releases, List.of("runtime-v0.4.0-rc1", "v9.9.9")));
		assertThat(tags.values()).allSatisfy(t -> assertThat(t.date()).isNotNull());
		assertThat(tags.get("runtime-v0.3.27").date()).isEqualTo("2026-06-10T12:00:00Z");
		assertThat(tags.get("runtime-v0.3.26").date()).isEqualTo("2026-06-08T12:00:00Z");
		assertThat(tags.get("runtime-v0.3.11").date()).isEqualTo("2026-04-30T12:00:00Z");
		assertThat(tags.get("runtime-v0.3.1").date()).isEqualTo("2026-04-05T12:00:00Z");
		assertThat(tags.get("runtime-v0.3.0").date()).isEqualTo("2026-04-02T12:00:00Z");
		// 0.3.20 was tagged after 0.3.21; every other release is dated after its predecessor.
		assertThat(tags.get("runtime-v0.3.20").date()).isAfter(tags.get("runtime-v0.3.21").date())
			.isBefore(tags.get("runtime-v0.3.22").date());
		for (int patch = 1; patch <= 27; patch++) {
			if (patch != 20 && patch != 21) {
				assertThat(tags.get("runtime-v0.3." + patch).date()).isAfter(tags.get("runtime-v0.3." + (patch - 1)).date());
			}
		}
		assertThat(tags.values().stream().max(Comparator.comparing(ReleaseTag::date)).orElseThrow().name())
			.isEqualTo("runtime-v0.4.0-rc1");
	}

	@Test
	void runtimeResolvesToTheDemoSsotByTagAndByFallbackFile() {
		List<Release> releases = SsotResolver.releases(forge.listReleaseTags(demo.org(), demo.ssotRepo()),
				demo.tagPrefix());
		assertThat(releases).hasSize(28);
		Release newest = releases.stream().max(Comparator.comparing(Release::version)).orElseThrow();
		assertThat(newest.version()).isEqualTo(Version.parse(demo.ssotVersion()).orElseThrow());
		assertThat(newest.publishedAt()).isEqualTo(demo.ssotPublishedAt());
		assertThat(forge.readFile(demo.org(), demo.ssotRepo(), "pyproject.toml").flatMap(SsotResolver::projectVersion))
			.contains(demo.ssotVersion());
	}

	@Test
	void templatesCarryTheIntendedPins() {
		assertThat(pinFile("claude-code")).isEqualTo("0.3.27\n");
		assertThat(pinFile("langgraph")).isEqualTo("0.3.11\n");
		assertThat(pinFile("crewai")).isEqualTo("0.3.1\r\n");
		assertThat(pinFile("deepagents")).isEqualTo("0.3.27 \n");
		assertThat(pinFile("codex")).isEqualTo("latest\n");
		assertThat(pinFile("google-adk")).isEqualTo("0.2.5\n");
		assertThat(pinFile("gemini-cli")).isEqualTo("0.4.0\n");
		assertThat(pinFile("browser-use")).isEqualTo("0.3.20\n");
		assertThat(pinFile("smolagents")).isEqualTo("0.3.24\n");
		assertThat(pinFile("openhands")).isEqualTo("0.3.27\n");
		assertThat(pinFile("autogpt")).isEqualTo("0.3.2\n");
		assertThat(read("molecule-core").files()).containsEntry(".runtime-version", "0.3.25\n");
		assertThat(read(T + "hermes").files()).containsOnlyKeys("Dockerfile", "requirements.txt", "README.md");
		assertThat(read(T + "seo-agent").files()).containsOnlyKeys("README.md");
		assertThat(read(T + "starter").files()).containsOnlyKeys("README.md");
	}

	@Test
	void dockerfilesAndRequirementsAgreeWithThePinExceptWhereTheyShouldNot() {
		for (String repo : List.of("claude-code", "langgraph", "crewai", "google-adk", "gemini-cli", "browser-use",
				"smolagents", "openhands", "autogpt")) {
			RepoFiles files = read(T + repo);
			String pin = files.files().get(".runtime-version").strip();
			assertThat(files.files().get("Dockerfile")).contains("ARG RUNTIME_VERSION=" + pin + "\n")
				.contains("pip install --no-cache-dir molecule-ai-workspace-runtime==${RUNTIME_VERSION}");
			assertThat(files.files().get("requirements.txt")).startsWith("molecule-ai-workspace-runtime==" + pin + "\n");
		}
		RepoFiles autogen = read(T + "autogen");
		assertThat(autogen.files().get(".runtime-version")).isEqualTo("0.3.27\n");
		assertThat(autogen.files().get("Dockerfile")).contains("ARG RUNTIME_VERSION=0.3.11\n");
		assertThat(read(T + "hermes").files().get("Dockerfile")).doesNotContain("ARG RUNTIME_VERSION")
			.contains("pip install --no-cache-dir molecule-ai-workspace-runtime ");
		assertThat(read(T + "codex").files().get("requirements.txt")).doesNotContain("molecule-ai-workspace-runtime");
	}

	@Test
	void vendoredRuntimeCopiesSitAtTheTopLevel() {
		assertThat(read(T + "deepagents").topLevel()).contains(new TreeEntry("workspace", Type.DIR));
		assertThat(read(T + "crewai").topLevel()).contains(new TreeEntry("molecule_runtime", Type.DIR));
		assertThat(read(T + "claude-code").topLevel()).extracting(TreeEntry::name)
			.containsExactly(".runtime-version", "Dockerfile", "README.md", "contracts", "requirements.txt");
	}

	@Test
	@SuppressWarnings("unchecked")
	void policyParsesAndListsTheIntendedRepos() throws IOException {
		Map<String, Object> policy;
		try (Reader reader = Files.newBufferedReader(demo.policyFile())) {
			policy = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		assertThat(policy).containsOnlyKeys("consumers", "exempt", "max-lag-releases", "fail-on", "contracts-required",
				"propose");
		assertThat((List<String>) policy.get("consumers")).containsExactly(T + "claude-code", T + "langgraph",
				T + "crewai", T + "autogen", T + "deepagents", T + "hermes", T + "openclaw", T + "codex",
				T + "google-adk", T + "gemini-cli", "molecule-core");
		List<Map<String, Object>> exempt = (List<Map<String, Object>>) policy.get("exempt");
		assertThat(exempt).extracting(e -> e.get("repo")).containsExactly(T + "seo-agent", T + "browser-use",
				T + "smolagents");
		assertThat(exempt).allSatisfy(e -> assertThat((String) e.get("reason")).isNotBlank());
		assertThat(exempt.get(0).get("reason"))
			.isEqualTo("config/prompts-only template; no Dockerfile, no image, nothing to keep in sync");
		// SnakeYAML reads an unquoted date as a timestamp at midnight UTC.
		assertThat(((Date) exempt.get(2).get("expires")).toInstant().atZone(ZoneOffset.UTC).toLocalDate())
			.isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(exempt.subList(0, 2)).allSatisfy(e -> assertThat(e).doesNotContainKey("expires"));
		assertThat(policy).containsEntry("max-lag-releases", 10).containsEntry("fail-on", List.of("unlisted-pinned"));
	}

	@Test
	void policyNamesExistingReposExceptTheMissingOne() throws IOException {
		String policy = Files.readString(demo.policyFile());
		List<String> names = forge.listRepos(demo.org()).stream().map(RepoRef::name).toList();
		assertThat(policy).contains("- " + T + "openclaw\n");
		assertThat(names).doesNotContain(T + "openclaw");
		assertThat(names).filteredOn(n -> n.startsWith(T)).filteredOn(n -> !policy.contains(n + "\n"))
			.containsExactly(T + "autogpt", T + "openhands", T + "starter");
	}

	private String pinFile(String template) {
		return read(T + template).files().get(".runtime-version");
	}

	private RepoFiles read(String repo) {
		return forge.readFiles(forge.findRepo(demo.org(), repo).orElseThrow(), PIN_FILES);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}
}
