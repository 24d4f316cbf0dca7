package ai.molecule.drift.forge;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GitHubForge}'s file reads where GitHub's documented answers are odd: submodules listed as files,
 * symbolic links followed by REST but not by GraphQL, files over 1 MB. REST (no token) and GraphQL (a
 * token) must give the same answer.
 */
class GitHubFilesTests {

	private static final Set<String> PATHS = Set.of(".runtime-version", "Dockerfile", "requirements.txt", "workspace",
			"molecule_runtime");

	private final FakeGitHub github = FakeGitHub.start().requireToken(TestForges.TOKEN);

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void aRuntimeVendoredAsASubmoduleIsASubmoduleThroughRestAsThroughGraphQl() {
		github.repo("acme", "app").file(".runtime-version", "0.3.11\n").submodule("workspace")
			.submodule("molecule_runtime");

		RepoFiles rest = rest().readFiles(ref("app"), PATHS);
		RepoFiles graphql = graphql().readFiles(ref("app"), PATHS);

		// GitHub lists a submodule as a "file" without a download_url; read alone it is a "submodule".
		assertThat(rest.topLevel()).containsExactlyInAnyOrder(new TreeEntry(".runtime-version", TreeEntry.Type.FILE),
				new TreeEntry("workspace", TreeEntry.Type.SUBMODULE),
				new TreeEntry("molecule_runtime", TreeEntry.Type.SUBMODULE));
		assertThat(graphql.topLevel()).containsExactlyInAnyOrderElementsOf(rest.topLevel());
		assertThat(graphql.files()).isEqualTo(rest.files());
		assertThat(rest.files()).containsOnlyKeys(".runtime-version");
	}

	private GitHubForge rest() {
		return TestForges.github(github, null, sleeper);
	}

	private GitHubForge graphql() {
		return TestForges.github(github, TestForges.TOKEN, sleeper);
	}

	private static RepoRef ref(String name) {
		return new RepoRef("acme", name, "main", false, false, false);
	}
}
