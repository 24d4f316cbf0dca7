package ai.molecule.drift.forge;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * GraphQL answers that cover a file batch in part (an error without a {@code path} beside the data that
 * did come back): what came back is kept, only the missing repositories are asked for again, in smaller
 * batches, and a missing repository is never taken for one without a pin.
 */
class GitHubGraphQlPartialTests {

	private static final Set<String> PINS = Set.of(".runtime-version", "Dockerfile", "requirements.txt");

	private final FakeGitHub github = FakeGitHub.start().requireToken(TestForges.TOKEN);

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void keepsWhatCameBackAndReadsOnlyTheMissingRepositoriesAgain() {
		List<RepoRef> repos = pinned(10);
		github.dropFromGraphQl("acme", "t-3", 1, false).dropFromGraphQl("acme", "t-7", 1, true);
		GitHubForge forge = forge();

		forge.readAhead(repos, PINS);

		assertThat(github.graphqlBatches()).hasSize(2).last().isEqualTo(List.of("t-3", "t-7"));
		assertThat(github.graphqlBatches().get(0)).hasSize(10);
		repos.forEach((repo) -> assertThat(forge.readFiles(repo, PINS).files()).as(repo.name())
			.containsEntry(".runtime-version", "0.3." + repo.name().substring(2) + "\n"));
		assertThat(github.requests("graphql")).hasSize(2);
		assertThat(sleeper.waits()).isEmpty();
	}

	@Test
	void aQueryThatFailsAsAWholeIsSplitUntilItFits() {
		List<RepoRef> repos = pinned(8);
		github.graphqlMaxRepos(2);
		GitHubForge forge = forge();

		forge.readAhead(repos, PINS);

		assertThat(github.graphqlBatches()).extracting(List::size).containsExactly(8, 4, 2, 2, 4, 2, 2);
		repos.forEach((repo) -> assertThat(forge.readFiles(repo, PINS).files()).containsKey(".runtime-version"));
		assertThat(github.requests("graphql")).hasSize(7);
	}

	@Test
	void aRepositoryStillMissingWhenAskedAloneFailsWithGitHubsReasonRatherThanHavingNoPin() {
		List<RepoRef> repos = pinned(3);
		github.dropFromGraphQl("acme", "t-1", 3, false);
		GitHubForge forge = forge();

		forge.readAhead(repos, PINS);

		assertThat(github.graphqlBatches()).containsExactly(List.of("t-0", "t-1", "t-2"), List.of("t-1"));
		assertThat(forge.readFiles(repos.get(0), PINS).files()).containsKey(".runtime-version");
		assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.readFiles(repos.get(1), PINS))
			.withMessage("reading acme/t-1: POST /api/graphql: no data for the repository ("
					+ FakeGitHubGraphQlFaults.SOMETHING_WENT_WRONG + ")");
		assertThat(github.requests("graphql")).hasSize(3);
	}

	@Test
	void anErrorWithAPathFailsItsRepositoryOnlyAndIsNotAskedForAgainInTheBatch() {
		List<RepoRef> repos = pinned(2);
		RepoRef ghost = new RepoRef("acme", "ghost", "main", false, false, false);
		github.dropFromGraphQl("acme", "t-1", 1, false);
		GitHubForge forge = forge();

		forge.readAhead(List.of(repos.get(0), ghost, repos.get(1)), PINS);

		// The re-read asks for the dropped repository alone; the unknown one has its own NOT_FOUND.
		assertThat(github.graphqlBatches()).containsExactly(List.of("t-0", "ghost", "t-1"), List.of("t-1"));
		assertThat(forge.readFiles(repos.get(1), PINS).files()).containsKey(".runtime-version");
	}

	private List<RepoRef> pinned(int count) {
		return IntStream.range(0, count).mapToObj((i) -> {
			github.repo("acme", "t-" + i).file(".runtime-version", "0.3." + i + "\n").file("README.md", "x");
			return new RepoRef("acme", "t-" + i, "main", false, false, false);
		}).toList();
	}

	private GitHubForge forge() {
		return TestForges.github(github, TestForges.TOKEN, sleeper);
	}
}
