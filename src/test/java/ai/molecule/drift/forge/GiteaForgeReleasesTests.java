package ai.molecule.drift.forge;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;
import ai.molecule.drift.lag.ReleaseTag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link GiteaForge}'s tag and release listing against a {@link FakeGitea}. */
class GiteaForgeReleasesTests {

	private static final Instant DAY1 = Instant.parse("2026-01-01T10:00:00Z");

	private final FakeGitea gitea = FakeGitea.start();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void mergesTagsWithTheirReleases() {
		gitea.requireToken(TestForges.TOKEN);
		gitea.repo("acme", "runtime")
			.tag("runtime-v0.3.1", DAY1)
			.tag("runtime-v0.3.2", day(2))
			.tag("runtime-v0.4.0-rc1", day(3))
			.tag("runtime-v0.3.3", day(4))
			.tag("other-tag", day(5))
			// Published a day after its tag was created: the publication date wins.
			.release("runtime-v0.3.2", day(3), false, false)
			.release("runtime-v0.4.0-rc1", day(3), false, true)
			.release("runtime-v0.3.3", day(6), true, false)
			.release("runtime-v0.5.0", day(7), true, false);

		List<ReleaseTag> tags = TestForges.gitea(gitea, TestForges.TOKEN, sleeper).listReleaseTags("acme", "runtime");

		assertThat(tags).containsExactly(new ReleaseTag("other-tag", day(5), false, false),
				new ReleaseTag("runtime-v0.3.3", day(4), true, false),
				new ReleaseTag("runtime-v0.4.0-rc1", day(3), false, true),
				new ReleaseTag("runtime-v0.3.2", day(3), false, false),
				new ReleaseTag("runtime-v0.3.1", DAY1, false, false),
				// A draft whose tag does not exist yet keeps its flags, without a date.
				new ReleaseTag("runtime-v0.5.0", null, true, false));
	}

	@Test
	void withoutTheTokenDraftsAreNotListed() {
		gitea.requireToken(TestForges.TOKEN);
		gitea.repo("acme", "runtime").tag("runtime-v0.3.3", DAY1).release("runtime-v0.3.3", day(2), true, false);
		assertThat(TestForges.gitea(gitea, null, sleeper).listReleaseTags("acme", "runtime"))
			.containsExactly(new ReleaseTag("runtime-v0.3.3", DAY1, false, false));
	}

	@Test
	void tagsWithoutLinkHeadersArePagedUntilEmpty() {
		FakeGiteaRepo runtime = gitea.repo("acme", "runtime");
		IntStream.range(0, 120).forEach((i) -> runtime.tag("runtime-v0.0." + i, DAY1.plusSeconds(i)));

		List<ReleaseTag> tags = TestForges.gitea(gitea, null, sleeper).listReleaseTags("acme", "runtime");

		assertThat(tags).hasSize(120);
		assertThat(tags.get(0)).isEqualTo(new ReleaseTag("runtime-v0.0.119", DAY1.plusSeconds(119), false, false));
		assertThat(gitea.requests("/tags")).extracting(FakeGitea.Request::target)
			.containsExactly(tags(1), tags(2), tags(3), tags(4));
	}

	@Test
	void releasesAreReadOnEveryPage() {
		FakeGiteaRepo runtime = gitea.repo("acme", "runtime");
		IntStream.range(0, 60)
			.forEach((i) -> runtime.release("runtime-v1.0." + i, DAY1.plusSeconds(i), false, i % 2 == 0));
		List<ReleaseTag> tags = TestForges.gitea(gitea, null, sleeper).listReleaseTags("acme", "runtime");
		assertThat(tags).hasSize(60).contains(new ReleaseTag("runtime-v1.0.0", DAY1, false, true),
				new ReleaseTag("runtime-v1.0.59", DAY1.plusSeconds(59), false, false));
		assertThat(gitea.requests("/releases")).hasSize(2);
	}

	@Test
	void aMissingRuntimeRepositoryIsAnError() {
		gitea.org("acme");
		assertThatExceptionOfType(ForgeException.class)
			.isThrownBy(() -> TestForges.gitea(gitea, null, sleeper).listReleaseTags("acme", "runtime"))
			.withMessageStartingWith("runtime repository acme/runtime not found on 127.0.0.1:");
	}

	private static String tags(int page) {
		return "/api/v1/repos/acme/runtime/tags?limit=50&page=" + page;
	}

	private static Instant day(int n) {
		return DAY1.plusSeconds(86_400L * (n - 1));
	}
}
