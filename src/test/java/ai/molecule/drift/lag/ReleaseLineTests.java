package ai.molecule.drift.lag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReleaseLineTests {

	private static final Instant SSOT_DATE = Instant.parse("2026-06-10T12:00:00Z");

	/** 0.3.0 .. 0.3.27, one every 3 days, ending on the SSOT date. */
	private static ReleaseLine patchReleases() {
		List<Release> releases = new ArrayList<>();
		for (int patch = 0; patch <= 27; patch++) {
			releases.add(new Release(Version.of(0, 3, patch), "runtime-v0.3." + patch,
					SSOT_DATE.minus((27 - patch) * 3L, ChronoUnit.DAYS)));
		}
		return ReleaseLine.ofReleases(releases);
	}

	@Test
	void ssotIsTheHighestVersionWhateverTheOrderGiven() {
		List<Release> shuffled = List.of(new Release(Version.of(0, 3, 9), "runtime-v0.3.9", SSOT_DATE),
				new Release(Version.of(0, 3, 27), "runtime-v0.3.27", SSOT_DATE.minus(30, ChronoUnit.DAYS)),
				new Release(Version.of(0, 3, 10), "runtime-v0.3.10", SSOT_DATE.plus(1, ChronoUnit.DAYS)));
		ReleaseLine line = ReleaseLine.ofReleases(shuffled);
		assertThat(line.ssot().version()).isEqualTo(Version.of(0, 3, 27));
		assertThat(line.ssot().tag()).isEqualTo("runtime-v0.3.27");
		assertThat(line.ssot().source()).isEqualTo(SsotSource.RELEASE_TAG);
		assertThat(line.releases()).extracting(Release::version)
			.containsExactly(Version.of(0, 3, 9), Version.of(0, 3, 10), Version.of(0, 3, 27));
	}

	@Test
	void lagCountsNewerReleasesUpToTheSsot() {
		ReleaseLine line = patchReleases();
		assertThat(line.lagOf(Version.of(0, 3, 11))).contains(new Lag(16, 48L, LagLevel.PATCH));
		assertThat(line.lagOf(Version.of(0, 3, 1))).contains(new Lag(26, 78L, LagLevel.PATCH));
		assertThat(line.lagOf(Version.of(0, 3, 27))).contains(new Lag(0, 0L, LagLevel.NONE));
	}

	@Test
	void pinThatIsNoReleaseStillCountsReleasesButHasNoDays() {
		ReleaseLine line = patchReleases();
		assertThat(line.lagOf(Version.of(0, 2, 5))).contains(new Lag(28, null, LagLevel.MINOR));
		assertThat(line.lagOf(Version.parse("0.3.27-rc1").orElseThrow())).contains(new Lag(1, null, LagLevel.PATCH));
	}

	@Test
	void pinAheadOfTheSsotIsZeroReleasesBehind() {
		assertThat(patchReleases().lagOf(Version.of(1, 0, 0))).contains(new Lag(0, null, LagLevel.MAJOR));
	}

	@Test
	void backPortPublishedAfterTheSsotIsNotNegativeDays() {
		ReleaseLine line = ReleaseLine.ofReleases(List.of(
				new Release(Version.of(0, 2, 9), "runtime-v0.2.9", SSOT_DATE.plus(5, ChronoUnit.DAYS)),
				new Release(Version.of(0, 3, 0), "runtime-v0.3.0", SSOT_DATE)));
		assertThat(line.lagOf(Version.of(0, 2, 9))).contains(new Lag(1, 0L, LagLevel.MINOR));
	}

	@Test
	void unknownDatesGiveNullDays() {
		ReleaseLine line = ReleaseLine.ofReleases(List.of(new Release(Version.of(0, 3, 0), "runtime-v0.3.0", null),
				new Release(Version.of(0, 3, 1), "runtime-v0.3.1", SSOT_DATE)));
		assertThat(line.lagOf(Version.of(0, 3, 0))).contains(new Lag(1, null, LagLevel.PATCH));
	}

	@Test
	void fallbackKnowsOnlyTheSsot() {
		ReleaseLine line = ReleaseLine.ofFallback(Version.of(0, 3, 27), null);
		assertThat(line.ssot().source()).isEqualTo(SsotSource.FALLBACK_FILE);
		assertThat(line.ssot().tag()).isNull();
		assertThat(line.complete()).isFalse();
		assertThat(line.lagOf(Version.of(0, 3, 11))).contains(new Lag(1, null, LagLevel.PATCH));
	}

	@Test
	void unresolvedGivesNoLag() {
		ReleaseLine line = ReleaseLine.unresolved("no tags, no pyproject.toml");
		assertThat(line.ssot().resolved()).isFalse();
		assertThat(line.ssot().problem()).isEqualTo("no tags, no pyproject.toml");
		assertThat(line.lagOf(Version.of(0, 3, 11))).isEmpty();
	}

	@Test
	void refusesAnEmptyReleaseList() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReleaseLine.ofReleases(List.of()));
	}
}
