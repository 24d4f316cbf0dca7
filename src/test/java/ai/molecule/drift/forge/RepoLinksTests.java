package ai.molecule.drift.forge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * One meaning for a symbolic link on every forge and read path ({@link RepoLinks}): what it leads to in
 * its own repository, else unknown. The fakes answer links as documented: GitHub's REST {@code contents}
 * follows a link to a file of the repository, GitHub's GraphQL blob and Gitea's raw endpoint give the
 * link's own text, Gitea's {@code contents} answers {@code type: symlink}.
 */
class RepoLinksTests {

	private static final Set<String> PATHS = Set.of(".runtime-version", "Dockerfile", "requirements.txt", "workspace",
			"molecule_runtime");

	private final FakeGitHub github = FakeGitHub.start().requireToken(TestForges.TOKEN);

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@TempDir
	Path local;

	@AfterEach
	void stop() {
		github.close();
		gitea.close();
	}

	@Test
	void resolvesWithinTheRepositoryOnly() {
		assertThat(RepoLinks.resolve("Dockerfile", "docker/Dockerfile")).contains("docker/Dockerfile");
		assertThat(RepoLinks.resolve("a/b/link", "../c/./d")).contains("a/c/d");
		assertThat(RepoLinks.resolve("Dockerfile", "docker//../Dockerfile.real")).contains("Dockerfile.real");
		assertThat(RepoLinks.resolve("Dockerfile", "../other/Dockerfile")).isEmpty();
		assertThat(RepoLinks.resolve("Dockerfile", "/etc/passwd")).isEmpty();
		assertThat(RepoLinks.resolve("Dockerfile", ".")).isEmpty();
		assertThat(RepoLinks.resolve("Dockerfile", "")).isEmpty();
		assertThat(RepoLinks.resolve("Dockerfile", null)).isEmpty();
	}

	@Test
	void aLinkMeansWhatItLeadsToInTheRepositoryOnEveryForgeAndPath() throws IOException {
		Map<String, String> files = Map.of("docker/Dockerfile", "FROM x\n", "versions/current", "0.3.11\n",
				"vendor/workspace/main.py", "");
		Map<String, String> links = Map.of("Dockerfile", "docker/Dockerfile", ".runtime-version", "pin", "pin",
				"versions/current", "workspace", "vendor/workspace");
		Map<String, RepoFiles> read = readEverywhere("app", files, links);

		read.forEach((how, repo) -> {
			assertThat(repo.files()).as(how)
				.containsOnly(entry("Dockerfile", "FROM x\n"), entry(".runtime-version", "0.3.11\n"));
			assertThat(repo.topLevel()).as(how)
				.contains(new TreeEntry("Dockerfile", TreeEntry.Type.SYMLINK),
						new TreeEntry(".runtime-version", TreeEntry.Type.SYMLINK),
						new TreeEntry("workspace", TreeEntry.Type.SYMLINK));
		});
		assertThat(gitea.requests("/raw/")).as("Gitea's listing gives short links' text: no raw read").isEmpty();
	}

	@Test
	void aLinkThatDanglesLeavesTheRepositoryOrLoopsIsUnknownEverywhere() throws IOException {
		assertUnknown("dangling", Map.of(".runtime-version", "gone"), "leads to nothing");
		assertUnknown("escaping", Map.of("Dockerfile", "../app/Dockerfile"), "leads out of the repository");
		assertUnknown("looping", Map.of("Dockerfile", "a", "a", "Dockerfile"), "a chain of more than");
	}

	private void assertUnknown(String name, Map<String, String> links, String why) throws IOException {
		github.repo("acme", "app").file("Dockerfile", "FROM app\n");
		gitea.repo("acme", "app").file("Dockerfile", "FROM app\n");
		Files.createDirectories(local.resolve("app"));
		Files.writeString(local.resolve("app/Dockerfile"), "FROM app\n");
		setUp(name, Map.of("README.md", "x"), links);
		RepoRef ref = new RepoRef("acme", name, "main", false, false, false);
		for (Map.Entry<String, Forge> forge : forges().entrySet()) {
			assertThatExceptionOfType(ForgeException.class).as(forge.getKey())
				.isThrownBy(() -> forge.getValue().readFiles(ref, PATHS))
				// The local forge explains in its own words; GitHub and Gitea go through RepoLinks.
				.withMessageContaining(forge.getKey().equals("local") ? "link that leads" : why);
		}
	}

	private Map<String, RepoFiles> readEverywhere(String name, Map<String, String> files, Map<String, String> links)
			throws IOException {
		setUp(name, files, links);
		RepoRef ref = new RepoRef("acme", name, "main", false, false, false);
		Map<String, RepoFiles> read = new LinkedHashMap<>();
		forges().forEach((how, forge) -> read.put(how, forge.readFiles(ref, PATHS)));
		return read;
	}

	private Map<String, Forge> forges() {
		Map<String, Forge> forges = new LinkedHashMap<>();
		forges.put("GitHub REST", TestForges.github(github, null, sleeper));
		forges.put("GitHub GraphQL", TestForges.github(github, TestForges.TOKEN, sleeper));
		forges.put("Gitea", TestForges.gitea(gitea, null, sleeper));
		forges.put("local", new LocalForge(local));
		return forges;
	}

	private void setUp(String name, Map<String, String> files, Map<String, String> links) throws IOException {
		FakeGiteaRepo onGitHub = github.repo("acme", name);
		FakeGiteaRepo onGitea = gitea.repo("acme", name);
		Path dir = Files.createDirectories(local.resolve(name));
		for (Map.Entry<String, String> file : files.entrySet()) {
			onGitHub.file(file.getKey(), file.getValue());
			onGitea.file(file.getKey(), file.getValue());
			Path path = dir.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
		}
		for (Map.Entry<String, String> link : links.entrySet()) {
			onGitHub.symlink(link.getKey(), link.getValue());
			onGitea.symlink(link.getKey(), link.getValue());
			Files.createSymbolicLink(dir.resolve(link.getKey()), Path.of(link.getValue()));
		}
	}
}
