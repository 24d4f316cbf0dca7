package ai.molecule.drift.job;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.DriftProperties;

import static org.assertj.core.api.Assertions.assertThat;

class RunLifecycleTests {

	@Test
	void theBaseUrlShownAndStoredNeverCarriesCredentials() {
		assertThat(RunLifecycle.withoutCredentials(URI.create("https://bot:s3cret@git.example.com:8443/api/v1?token=x")))
			.isEqualTo("https://git.example.com:8443/api/v1");
		assertThat(RunLifecycle.withoutCredentials(URI.create("http://127.0.0.1:3000"))).isEqualTo("http://127.0.0.1:3000");
		assertThat(RunLifecycle.withoutCredentials(null)).isNull();
	}

	@Test
	void gitHubWithoutABaseUrlIsShownAsGitHubsApi() {
		DriftProperties.Forge github = new DriftProperties.Forge(DriftProperties.ForgeType.GITHUB, null, "t", null,
				Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2), null);
		DriftProperties properties = new DriftProperties(github, "acme", "p-", new DriftProperties.Ssot("r", "v", "f"),
				Path.of("policy.yml"), new DriftProperties.Report(Path.of("reports"), "file:x/"),
				new DriftProperties.Scan(1, 1, Duration.ofMinutes(1)));
		assertThat(RunLifecycle.forgeInfo(properties).baseUrl()).isEqualTo("https://api.github.com");
	}
}
