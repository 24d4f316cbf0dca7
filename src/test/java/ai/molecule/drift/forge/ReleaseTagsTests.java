package ai.molecule.drift.forge;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.ReleaseTags.ReleaseInfo;
import ai.molecule.drift.forge.ReleaseTags.TagInfo;
import ai.molecule.drift.lag.ReleaseTag;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReleaseTags#merge}. */
class ReleaseTagsTests {

	private static final Instant TAGGED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant PUBLISHED = Instant.parse("2026-01-05T00:00:00Z");

	@Test
	void aPublishedReleaseDatesItsTag() {
		assertThat(ReleaseTags.merge(List.of(new TagInfo("v1", TAGGED)),
				List.of(new ReleaseInfo("v1", false, true, PUBLISHED))))
			.containsExactly(new ReleaseTag("v1", PUBLISHED, false, true));
	}

	@Test
	void aDraftKeepsTheTagDate() {
		assertThat(ReleaseTags.merge(List.of(new TagInfo("v1", TAGGED)),
				List.of(new ReleaseInfo("v1", true, false, PUBLISHED))))
			.containsExactly(new ReleaseTag("v1", TAGGED, true, false));
	}

	@Test
	void aReleaseWithoutPublicationDateKeepsTheTagDate() {
		assertThat(ReleaseTags.merge(List.of(new TagInfo("v1", TAGGED)),
				List.of(new ReleaseInfo("v1", false, false, null))))
			.containsExactly(new ReleaseTag("v1", TAGGED, false, false));
	}

	@Test
	void plainTagsAndUntaggedReleasesAreBothKeptOnce() {
		List<ReleaseTag> merged = ReleaseTags.merge(List.of(new TagInfo("v2", TAGGED), new TagInfo("v2", PUBLISHED)),
				List.of(new ReleaseInfo("v3", false, false, PUBLISHED), new ReleaseInfo("v3", true, true, null),
						new ReleaseInfo(null, false, false, PUBLISHED)));
		assertThat(merged).containsExactly(new ReleaseTag("v2", TAGGED, false, false),
				new ReleaseTag("v3", PUBLISHED, false, false));
	}
}
