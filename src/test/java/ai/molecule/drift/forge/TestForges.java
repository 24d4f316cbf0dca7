package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.DriftProperties;

/** Settings and helpers shared by the forge tests: short timeouts, a sleeper that only records. */
final class TestForges {

	static final String TOKEN = "s3cret-t0ken-value";

	private TestForges() {
	}

	static JsonMapper mapper() {
		return JsonMapper.builder().build();
	}

	static DriftProperties.Forge settings(URI baseUrl, String token) {
		return settings(baseUrl, token, 4, Duration.ofSeconds(5));
	}

	static DriftProperties.Forge settings(URI baseUrl, String token, int maxAttempts, Duration requestTimeout) {
		return settings(baseUrl, token, maxAttempts, requestTimeout, Duration.ofMinutes(2),
				DriftProperties.BodyLimits.defaults());
	}

	static DriftProperties.Forge settings(URI baseUrl, String token, int maxAttempts, Duration requestTimeout,
			Duration requestDeadline, DriftProperties.BodyLimits limits) {
		return new DriftProperties.Forge(DriftProperties.ForgeType.GITEA, baseUrl, token, null, Duration.ofSeconds(2),
				requestTimeout, maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(5), requestDeadline, limits);
	}

	static GiteaForge gitea(FakeGitea fake, String token, Sleeper sleeper) {
		return new GiteaForge(settings(fake.baseUrl(), token), mapper(), sleeper);
	}

	static GitHubForge github(FakeGitHub fake, String token, Sleeper sleeper) {
		return github(fake, token, sleeper, GitHubProperties.defaults());
	}

	static GitHubForge github(FakeGitHub fake, String token, Sleeper sleeper, GitHubProperties properties) {
		return new GitHubForge(settings(fake.baseUrl(), token), properties, mapper(), sleeper, Clock.systemUTC());
	}

	/** A {@link Sleeper} that returns at once and remembers what it was asked to wait. */
	static final class RecordingSleeper implements Sleeper {

		private final List<Duration> waits = new CopyOnWriteArrayList<>();

		@Override
		public void sleep(Duration duration) {
			waits.add(duration);
		}

		List<Duration> waits() {
			return List.copyOf(waits);
		}
	}
}
