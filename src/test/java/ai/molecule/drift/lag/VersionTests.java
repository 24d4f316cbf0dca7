package ai.molecule.drift.lag;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTests {

	@Test
	void parsesPlainVersion() {
		assertThat(Version.parse("0.3.11")).contains(Version.of(0, 3, 11));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.3.11\n", "0.3.11\r\n", "  0.3.11  ", "\uFEFF0.3.11", "v0.3.11", "V0.3.11\t" })
	void toleratesWhatPinFilesContain(String text) {
		assertThat(Version.parse(text)).contains(Version.of(0, 3, 11));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "latest", "0.3", "0.3.11.2", "01.3.11", "0.3.x", "vv0.3.11", "0.3.11 0.3.12",
			"==0.3.11", "0.3.-1", "0.3.11-", "99999999999.0.0" })
	void rejectsWhatIsNotAVersion(String text) {
		assertThat(Version.parse(text)).isEmpty();
	}

	@Test
	void rejectsNull() {
		assertThat(Version.parse(null)).isEmpty();
	}

	@Test
	void parsesPreReleaseAndIgnoresBuildMetadataInOrdering() {
		Version rc = Version.parse("0.4.0-rc.1+build.7").orElseThrow();
		assertThat(rc.isPreRelease()).isTrue();
		assertThat(rc.preRelease()).isEqualTo("rc.1");
		assertThat(rc).hasToString("0.4.0-rc.1");
	}

	@Test
	void ordersNumericallyNotLexically() {
		assertThat(Version.of(0, 3, 10)).isGreaterThan(Version.of(0, 3, 9));
		assertThat(Version.of(0, 10, 0)).isGreaterThan(Version.of(0, 9, 99));
		assertThat(Version.of(1, 0, 0)).isGreaterThan(Version.of(0, 99, 99));
	}

	@Test
	void ordersPreReleasesBySemverPrecedence() {
		List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
				"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
		List<Version> versions = ordered.stream().map(s -> Version.parse(s).orElseThrow()).toList();
		assertThat(versions).isSortedAccordingTo(Version::compareTo);
		assertThat(versions.stream().sorted().toList()).isEqualTo(versions);
	}

	@Test
	void levelOfDifferenceIsTheMostSignificantPart() {
		Version ssot = Version.of(1, 4, 2);
		assertThat(Version.of(1, 4, 2).levelOfDifference(ssot)).isEqualTo(LagLevel.NONE);
		assertThat(Version.of(1, 4, 0).levelOfDifference(ssot)).isEqualTo(LagLevel.PATCH);
		assertThat(Version.of(1, 2, 9).levelOfDifference(ssot)).isEqualTo(LagLevel.MINOR);
		assertThat(Version.of(0, 4, 2).levelOfDifference(ssot)).isEqualTo(LagLevel.MAJOR);
		assertThat(Version.parse("1.4.2-rc1").orElseThrow().levelOfDifference(ssot)).isEqualTo(LagLevel.PATCH);
	}
}
