package ai.molecule.drift.forge;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;
import ai.molecule.drift.lag.ReleaseTag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/** {@link GitHubForge} against a {@link FakeGitHub}: listing, REST and GraphQL file reads, tags and releases. */
class GitHubForgeTests {

	private static final Set<String> PINS = Set.of(".runtime-version", "Dockerfile", "requirements.txt");

	private final FakeGitHub github = FakeGitHub.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void listsEveryRepositoryAcrossLinkPagesWithGitHubsHeaders() {
		IntStream.range(0, 150).forEach((i) -> github.repo("acme", "t-" + i));
		github.repo("acme", "secret").privateRepo();
		github.requireToken(TestForges.TOKEN);

		List<RepoRef> repos = TestForges.github(github, TestForges.TOKEN, sleeper).listRepos("acme");

		assertThat(repos).hasSize(151).extracting(RepoRef::name).contains("t-0", "t-149", "secret");
		assertThat(github.requests()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.target()).contains("per_page=100");
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestForges.TOKEN);
			assertThat(request.header("User-Agent")).startsWith("consumer-drift/");
			assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
			assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
		});
	}

	@Test
	void anUnknownOrganisationIsAnError() {
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.github(github, null, sleeper).listRepos("nobody"))
			.withMessageContaining("organisation nobody not found");
	}

	@Test
	void readsFilesThroughRestWithoutATokenDecodingWrappedBase64() {
		byte[] large = "x".repeat(1024 * 1024 + 10).getBytes();
		pinned("app").dir("workspace").submodule("vendor").symlink("link", "README.md").file("README.md", "hi")
			.file("requirements.txt", large);

		RepoFiles files = TestForges.github(github, null, sleeper).readFiles(ref("app"), PINS);

		assertThat(files.files()).containsOnly(entry(".runtime-version", "0.3.11\n"),
				entry("Dockerfile", "ARG RUNTIME_VERSION=0.3.11\n" + "#".repeat(200) + "\n"),
				entry("requirements.txt", new String(large)));
		assertThat(files.topLevel()).contains(new TreeEntry("workspace", TreeEntry.Type.DIR),
				new TreeEntry("vendor", TreeEntry.Type.SUBMODULE), new TreeEntry("link", TreeEntry.Type.SYMLINK),
				new TreeEntry("README.md", TreeEntry.Type.FILE));
		assertThat(github.requests("graphql")).isEmpty();
		assertThat(github.requests("contents/requirements.txt")).hasSize(2)
			.last()
			.satisfies((raw) -> assertThat(raw.header("Accept")).isEqualTo("application/vnd.github.raw+json"));
	}

	@Test
	void anEmptyRepositoryHasNoFilesButAVanishedOneIsAnError() {
		github.repo("acme", "blank").empty();
		GitHubForge forge = TestForges.github(github, null, sleeper);

		assertThat(forge.readFiles(ref("blank"), PINS)).isEqualTo(RepoFiles.empty());
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(ref("gone"), PINS))
			.withMessageStartingWith("reading acme/gone: GET /api/v3/repos/acme/gone/contents/: HTTP 404");
	}

	@Test
	void readsAheadAHundredRepositoriesPerGraphQlRequestWithTheSameAnswersAsRest() {
		github.requireToken(TestForges.TOKEN);
		List<RepoRef> repos = IntStream.range(0, 150).mapToObj((i) -> {
			FakeGiteaRepo repo = (i % 3 == 0) ? pinned("t-" + i) : github.repo("acme", "t-" + i).file("README.md", "x");
			if (i == 7) {
				repo.dir("workspace").symlink("Dockerfile", "docker/Dockerfile").file("docker/Dockerfile", "FROM x\n")
					.submodule("vendor");
			}
			if (i == 8) {
				repo.file(".runtime-version", new byte[] { 0, 1, 2 });
			}
			return ref("t-" + i);
		}).toList();
		github.repo("acme", "t-9").empty();
		GitHubForge graphql = TestForges.github(github, TestForges.TOKEN, sleeper);

		graphql.readAhead(repos, PINS);

		// Two GraphQL requests; only the symlinked Dockerfile, whose GraphQL blob is the link's own text, and
		// the binary pin, which GraphQL gives no text for, needed REST.
		assertThat(github.requests()).extracting(FakeGitea.Request::path)
			.containsExactly("/api/graphql", "/api/v3/repos/acme/t-7/contents/Dockerfile",
					"/api/v3/repos/acme/t-8/contents/.runtime-version", "/api/graphql");
		github.clearRequests();
		List<RepoFiles> viaGraphql = repos.stream().map((repo) -> graphql.readFiles(repo, PINS)).toList();
		assertThat(github.requests()).isEmpty();
		// REST is the reference: the first dozen cover pinned, plain, odd (7), binary (8) and empty (9) repositories.
		GitHubForge rest = TestForges.github(github, null, sleeper);
		List<RepoFiles> viaRest = repos.subList(0, 12).stream().map((repo) -> rest.readFiles(repo, PINS)).toList();
		for (int i = 0; i < viaRest.size(); i++) {
			assertThat(viaGraphql.get(i).files()).as(repos.get(i).name()).isEqualTo(viaRest.get(i).files());
			assertThat(viaGraphql.get(i).topLevel()).as(repos.get(i).name())
				.containsExactlyInAnyOrderElementsOf(viaRest.get(i).topLevel());
		}
		assertThat(viaGraphql.get(7).files()).containsEntry("Dockerfile", "FROM x\n");
		assertThat(viaGraphql.get(7).topLevel()).contains(new TreeEntry("vendor", TreeEntry.Type.SUBMODULE));
	}

	@Test
	void aRepositoryTheBatchCouldNotResolveIsReadAloneAndItsErrorIsItsOwn() {
		github.requireToken(TestForges.TOKEN);
		pinned("a");
		GitHubForge forge = TestForges.github(github, TestForges.TOKEN, sleeper);
		forge.readAhead(List.of(ref("a"), ref("ghost")), PINS);
		assertThat(github.requests("graphql")).hasSize(1);

		assertThat(forge.readFiles(ref("a"), PINS).files()).containsKey(".runtime-version");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(ref("ghost"), PINS))
			.withMessageContaining("reading acme/ghost: POST /api/graphql: NOT_FOUND: Could not resolve to a "
					+ "Repository with the name 'acme/ghost'.");
		assertThat(github.requests("graphql")).hasSize(2);
	}

	@Test
	void aFailedBatchIsNoAnswerTheRepositoriesAreReadOneByOne() {
		github.requireToken(TestForges.TOKEN);
		pinned("a");
		github.failTimes("POST /api/graphql", 502, 4);
		GitHubForge forge = TestForges.github(github, TestForges.TOKEN, sleeper);

		forge.readAhead(List.of(ref("a")), PINS);

		assertThat(forge.readFiles(ref("a"), PINS).files()).containsEntry(".runtime-version", "0.3.11\n");
	}

	@Test
	void readAheadIsServedOnceSoNothingStaleSurvivesIntoTheNextRun() {
		github.requireToken(TestForges.TOKEN);
		pinned("a");
		GitHubForge forge = TestForges.github(github, TestForges.TOKEN, sleeper);
		forge.readAhead(List.of(ref("a")), PINS);
		forge.readFiles(ref("a"), PINS);
		github.repo("acme", "a").file(".runtime-version", "0.3.27\n");

		assertThat(forge.readFiles(ref("a"), PINS).files()).containsEntry(".runtime-version", "0.3.27\n");
	}

	@Test
	void tagsAreDatedThroughGraphQlAndMergedWithReleases() {
		github.requireToken(TestForges.TOKEN);
		Instant tagged = Instant.parse("2026-05-01T10:00:00Z");
		Instant published = Instant.parse("2026-05-02T10:00:00Z");
		IntStream.range(0, 120).forEach((i) -> github.tag("acme", "runtime", "runtime-v0.1." + i, tagged));
		github.release("acme", "runtime", "runtime-v0.1.5", published, false, false);
		github.release("acme", "runtime", "runtime-v0.1.6", published, false, true);
		github.release("acme", "runtime", "runtime-v0.2.0", null, true, false);

		List<ReleaseTag> tags = TestForges.github(github, TestForges.TOKEN, sleeper).listReleaseTags("acme", "runtime");

		assertThat(tags).hasSize(121)
			.contains(new ReleaseTag("runtime-v0.1.0", tagged, false, false),
					new ReleaseTag("runtime-v0.1.5", published, false, false),
					new ReleaseTag("runtime-v0.1.6", published, false, true),
					new ReleaseTag("runtime-v0.2.0", null, true, false));
		assertThat(github.requests("graphql")).hasSize(2);
		assertThat(github.requests("/tags")).isEmpty();
	}

	@Test
	void withoutATokenTagsComeFromRestUndatedAndReleasesStillGiveDates() {
		Instant published = Instant.parse("2026-05-02T10:00:00Z");
		github.tag("acme", "runtime", "runtime-v0.1.0", Instant.parse("2026-05-01T10:00:00Z"));
		github.tag("acme", "runtime", "runtime-v0.1.1", Instant.parse("2026-05-01T10:00:00Z"));
		github.release("acme", "runtime", "runtime-v0.1.1", published, false, false);

		List<ReleaseTag> tags = TestForges.github(github, null, sleeper).listReleaseTags("acme", "runtime");

		assertThat(tags).containsExactlyInAnyOrder(new ReleaseTag("runtime-v0.1.0", null, false, false),
				new ReleaseTag("runtime-v0.1.1", published, false, false));
		assertThat(github.requests("graphql")).isEmpty();
	}

	@Test
	void anUnknownRuntimeRepositoryIsNamed() {
		github.requireToken(TestForges.TOKEN);
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.github(github, TestForges.TOKEN, sleeper).listReleaseTags("acme", "nope"))
			.withMessageContaining("runtime repository acme/nope not found");
	}

	@Test
	void readsOneFileAndFindsARepository() {
		github.repo("acme", "runtime").file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n").archived();
		GitHubForge forge = TestForges.github(github, null, sleeper);

		assertThat(forge.readFile("acme", "runtime", "pyproject.toml")).contains("[project]\nversion = \"0.3.20\"\n");
		assertThat(forge.readFile("acme", "runtime", "missing.toml")).isEmpty();
		assertThat(forge.findRepo("acme", "runtime")).hasValueSatisfying((repo) -> {
			assertThat(repo.archived()).isTrue();
			assertThat(repo.defaultBranch()).isEqualTo("main");
		});
		assertThat(forge.findRepo("acme", "nope")).isEmpty();
	}

	private FakeGiteaRepo pinned(String name) {
		return github.repo("acme", name).file(".runtime-version", "0.3.11\n")
			.file("Dockerfile", "ARG RUNTIME_VERSION=0.3.11\n" + "#".repeat(200) + "\n")
			.file("requirements.txt", "ü==1\n");
	}

	private static RepoRef ref(String name) {
		return new RepoRef("acme", name, "main", false, false, false);
	}
}
