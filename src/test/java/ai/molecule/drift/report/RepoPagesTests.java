package ai.molecule.drift.report;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.model.RunReport.ForgeInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** Links from the HTML report to a repository's page on its forge. */
class RepoPagesTests {

	@Test
	void giteaPagesAreBelowTheServerRoot() {
		assertThat(RepoPages.of(new ForgeInfo("gitea", "https://git.example.com/", "acme", "t-")).page("t-a"))
			.isEqualTo("https://git.example.com/acme/t-a");
		assertThat(RepoPages.of(new ForgeInfo("gitea", "https://git.example.com/api/v1", "acme", "t-")).page("t-a"))
			.isEqualTo("https://git.example.com/acme/t-a");
	}

	@Test
	void gitHubPagesAreOnTheWebHostNotTheApiHost() {
		assertThat(RepoPages.of(new ForgeInfo("github", "https://api.github.com", "acme", "t-")).page("t-a"))
			.isEqualTo("https://github.com/acme/t-a");
		assertThat(RepoPages.of(new ForgeInfo("github", "https://ghe.example.com/api/v3", "acme", "t-")).page("t-a"))
			.isEqualTo("https://ghe.example.com/acme/t-a");
	}

	@Test
	void aNameIsOnePathSegmentWhateverItHolds() {
		assertThat(RepoPages.of(new ForgeInfo("gitea", "https://git.example.com", "a b", "")).page("../x y?#\"<"))
			.isEqualTo("https://git.example.com/a%20b/..%2Fx%20y%3F%23%22%3C");
	}

	@Test
	void noLinkWithoutWebPages() {
		assertThat(RepoPages.of(new ForgeInfo("local", "/tmp/org", "acme", "t-")).page("t-a")).isNull();
		assertThat(RepoPages.of(new ForgeInfo("gitea", "javascript:alert(1)", "acme", "t-")).page("t-a")).isNull();
		assertThat(RepoPages.of(null).page("t-a")).isNull();
	}
}
