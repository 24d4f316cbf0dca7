package ai.molecule.drift.lag;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsotResolverTests {

	private static final Instant T = Instant.parse("2026-06-10T12:00:00Z");

	private static ReleaseTag tag(String name) {
		return new ReleaseTag(name, T, false, false);
	}

	@Test
	void keepsOnlyPrefixedReleasedTags() {
		List<ReleaseTag> tags = List.of(tag("runtime-v0.3.26"), tag("runtime-v0.3.27"), tag("v9.9.9"),
				tag("runtime-v0.4.0-rc1"), tag("runtime-vX.Y.Z"), tag("runtime-v0.3"), tag("runtime-vv0.5.0"),
				tag("runtime-v0.5.0+build"), tag("other-runtime-v0.6.0"),
				new ReleaseTag("runtime-v0.9.0", T, true, false), new ReleaseTag("runtime-v0.8.0", T, false, true));
		assertThat(SsotResolver.releases(tags, "runtime-v")).extracting(Release::tag)
			.containsExactlyInAnyOrder("runtime-v0.3.26", "runtime-v0.3.27");
	}

	@Test
	void keepsTheTagDate() {
		assertThat(SsotResolver.releases(List.of(tag("runtime-v0.3.27")), "runtime-v"))
			.containsExactly(new Release(Version.of(0, 3, 27), "runtime-v0.3.27", T));
	}

	@Test
	void readsTheProjectTableVersion() {
		String pyproject = """
				[build-system]
				requires = ["hatchling"]
				version = "9.9.9"

				[project]
				name = "molecule-ai-workspace-runtime"
				version = "0.3.27"  # bumped by release tooling

				[tool.hatch]
				version = "1.0.0"
				""";
		assertThat(SsotResolver.projectVersion(pyproject)).contains("0.3.27");
	}

	@Test
	void acceptsSingleQuotesAndCrlf() {
		assertThat(SsotResolver.projectVersion("[project]\r\nversion = '0.3.1'\r\n")).contains("0.3.1");
	}

	@Test
	void noProjectVersionWhenDynamicOrAbsent() {
		assertThat(SsotResolver.projectVersion("[project]\nname = \"x\"\ndynamic = [\"version\"]\n")).isEmpty();
		assertThat(SsotResolver.projectVersion("[tool.poetry]\nversion = \"1.0.0\"\n")).isEmpty();
	}
}
