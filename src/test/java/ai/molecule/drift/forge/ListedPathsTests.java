package ai.molecule.drift.forge;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.RepoFiles.TreeEntry.Type;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ListedPaths}: every read against what the root listing said, and the GitHub forge holding its
 * REST and GraphQL reads to it (the Gitea and local forges are held to it in their own tests and in
 * the job's).
 */
class ListedPathsTests {

	private static final Set<String> PATHS = Set.of(".runtime-version", "Dockerfile", "requirements.txt", "workspace");

	private static final ListedPaths LISTED = ListedPaths.of(List.of(new TreeEntry(".runtime-version", Type.FILE),
			new TreeEntry("link", Type.SYMLINK), new TreeEntry("workspace", Type.DIR),
			new TreeEntry("vendor", Type.SUBMODULE), new TreeEntry("README.md", Type.FILE)));

	private final FakeGitHub github = FakeGitHub.start();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void readsOnlyWhatTheListingNamesAndChecksItsDirectories() {
		assertThat(LISTED.files(PATHS)).containsExactly(".runtime-version");
		assertThat(LISTED.directories(PATHS)).containsExactly("workspace");
	}

	@Test
	void answersThatAgreeWithTheListingAreAccepted() {
		assertThat(LISTED.confirm(".runtime-version", PathRead.file("0.3.11\n"))).contains("0.3.11\n");
		assertThat(LISTED.confirm("link", PathRead.file("target"))).contains("target");
		// A link to a directory: the link is listed, the read follows it.
		assertThat(LISTED.confirm("link", PathRead.directory("a directory"))).isEmpty();
		assertThat(LISTED.confirm("workspace", PathRead.directory("a directory"))).isEmpty();
		assertThat(LISTED.confirm("vendor", PathRead.directory("a submodule"))).isEmpty();
		assertThat(LISTED.confirm("Dockerfile", PathRead.absent("404"))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			.runtime-version | ABSENT    | .runtime-version is listed as a file but reading it answered 404
			.runtime-version | DIRECTORY | .runtime-version is listed as a file but reading it answered a directory
			link             | ABSENT    | link is listed as a symbolic link but reading it answered 404
			workspace        | FILE      | workspace is listed as a directory but reading it answered a file
			workspace        | ABSENT    | workspace is listed as a directory but reading it answered 404
			vendor           | FILE      | vendor is listed as a submodule but reading it answered a file
			Dockerfile       | FILE      | Dockerfile is not in the root listing but reading it answered a file
			Dockerfile       | DIRECTORY | Dockerfile is not in the root listing but reading it answered a directory
			""")
	void answersThatContradictTheListingAreErrorsNamingBoth(String path, PathRead.Kind kind, String message) {
		PathRead read = switch (kind) {
			case FILE -> PathRead.file("0.3.11");
			case DIRECTORY -> PathRead.directory("a directory");
			case ABSENT -> PathRead.absent("404");
		};
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> LISTED.confirm(path, read)).withMessage(message);
	}

	@Test
	void aNameListedTwiceWithTwoTypesIsAContradictionButTwiceTheSameIsNot() {
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> ListedPaths.of(List.of(new TreeEntry("Dockerfile", Type.DIR),
					new TreeEntry("Dockerfile", Type.FILE))))
			.withMessage("Dockerfile is listed twice, as a directory and as a file");
		assertThat(ListedPaths.of(List.of(new TreeEntry("a", Type.FILE), new TreeEntry("a", Type.FILE))).files(Set.of("a")))
			.containsExactly("a");
	}

	@Test
	void gitHubRestReadsThatDenyTheListingAreErrors() {
		github.repo("acme", "app").file(".runtime-version", "0.3.11\n").file("Dockerfile", "FROM x\n").dir("workspace");
		GitHubForge rest = TestForges.github(github, null, new RecordingSleeper());
		RepoRef app = new RepoRef("acme", "app", "main", false, false, false);

		github.failAlways("contents/Dockerfile", 404);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> rest.readFiles(app, PATHS))
			.withMessage("reading acme/app: Dockerfile is listed as a file but reading it answered 404");

		github.clearFaults().failAlways("contents/workspace", 404);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> rest.readFiles(app, PATHS))
			.withMessage("reading acme/app: workspace is listed as a directory but reading it answered 404");

		github.clearFaults();
		assertThat(rest.readFiles(app, PATHS).files()).containsOnlyKeys(".runtime-version", "Dockerfile");
	}

	@Test
	void aSubmoduleGitHubListsAsAFileAgreesWithItsReadAsASubmodule() {
		github.repo("acme", "app").file(".runtime-version", "0.3.11\n").submodule("workspace");
		GitHubForge rest = TestForges.github(github, null, new RecordingSleeper());
		RepoRef app = new RepoRef("acme", "app", "main", false, false, false);

		// Listed as "file" without a download_url, read alone as "submodule": the same thing, no contradiction.
		assertThat(rest.readFiles(app, PATHS).topLevel()).contains(new TreeEntry("workspace", Type.SUBMODULE));
		assertThat(github.requests("contents/workspace")).hasSize(1);
	}

	@Test
	void gitHubGraphQlObjectsThatDenyTheRootTreeAreErrors() {
		github.requireToken(TestForges.TOKEN);
		github.repo("acme", "app").file(".runtime-version", "0.3.11\n").file("requirements.txt", "x==1\n");
		GitHubForge graphql = TestForges.github(github, TestForges.TOKEN, new RecordingSleeper());
		RepoRef app = new RepoRef("acme", "app", "main", false, false, false);
		graphql.readAhead(List.of(app), PATHS);
		assertThat(graphql.readFiles(app, PATHS).files()).containsOnlyKeys(".runtime-version", "requirements.txt");

		github.hideFromGraphQl("acme", "app", "requirements.txt");
		graphql.readAhead(List.of(app), PATHS);
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> graphql.readFiles(app, PATHS))
			.withMessage("reading acme/app: requirements.txt is listed as a file but reading it answered nothing "
					+ "(no object at HEAD:requirements.txt)");
	}
}
