package ai.molecule.drift.scan;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunLifecycleTests {

	@Test
	void theBaseUrlShownAndStoredNeverCarriesCredentials() {
		assertThat(RunLifecycle.withoutCredentials(URI.create("https://bot:s3cret@git.example.com:8443/api/v1?token=x")))
			.isEqualTo("https://git.example.com:8443/api/v1");
		assertThat(RunLifecycle.withoutCredentials(URI.create("http://127.0.0.1:3000"))).isEqualTo("http://127.0.0.1:3000");
		assertThat(RunLifecycle.withoutCredentials(null)).isNull();
	}
}
