package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.GitHubBumpsTests.AdvancingClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of 300 proposals against the fake GitHub, paced as the job paces them (at most 80 content-creating
 * requests a minute and 500 an hour, on a clock that the pacer's waits move on; the forge's spacing of writes
 * a second apart recorded): it finishes without being blocked, stops cleanly at the hour's budget, and
 * prints the requests per proposal and the time the pacing takes.
 */
class GitHubBumpsBenchmarkTests {

	private static final int PROPOSALS = 300;

	@Test
	void threeHundredProposalsArePacedAndStopCleanlyAtTheHoursBudget() {
		try (FakeGitHub github = FakeGitHub.start()) {
			for (int i = 0; i < PROPOSALS; i++) {
				github.repo("acme", "t" + i).file(".runtime-version", "0.3.20\n").file("Dockerfile",
						"ARG RUNTIME_VERSION=0.3.20\n");
			}
			AdvancingClock clock = new AdvancingClock(Instant.parse("2026-06-01T02:00:00Z"));
			ContentPacer pacer = new ContentPacer(80, 500, clock, clock);
			// The forge's own spacing of writes (one a second, GitHub's advice) is not waited here.
			GitHubForge forge = new GitHubForge(TestForges.settings(github.baseUrl(), TestForges.TOKEN),
					GitHubProperties.defaults(), TestForges.mapper(), new TestForges.RecordingSleeper(),
					java.time.Clock.systemUTC());
			BumpWriter bumps = forge.bumps(clock, pacer);
			Map<String, Integer> states = new TreeMap<>();
			long started = System.nanoTime();
			for (int i = 0; i < PROPOSALS; i++) {
				BumpResult result = bumps.propose(new RepoRef("acme", "t" + i, "main", false, false, false),
						request("t" + i));
				states.merge(result.state() + ((result.reason() == null) ? "" : " (" + result.reason() + ")"), 1,
						Integer::sum);
			}
			Duration real = Duration.ofNanos(System.nanoTime() - started);
			int opened = states.getOrDefault("opened", 0);
			List<FakeGitea.Request> requests = github.requests();
			long writes = requests.stream().filter((request) -> !request.method().equals("GET")).count();
			// Writes a second apart (drift.forge.github.write-interval): the job's write time, whatever the pacer adds.
			Duration spaced = Duration.ofSeconds(Math.max(0, writes - 1));
			System.out.printf("%d proposals: %s%n%d requests (%d writing, %d GraphQL), %.1f per proposal made; "
					+ "pacing: %s waited for the 80-a-minute limit here, where writes go as fast as it lets them; "
					+ "with the job's writes a second apart (60 a minute, under the limit) they take %s; %d ms here%n",
					PROPOSALS, states, requests.size(), writes,
					requests.stream().filter((request) -> request.path().equals("/api/graphql")).count(),
					(double) requests.size() / opened, pacer.waited(), spaced, real.toMillis());

			// Three content-creating requests a proposal: 166 fit the hour's 500, with room for a fourth each.
			assertThat(opened).isEqualTo(166);
			assertThat(states).containsEntry("failed (" + ContentPacer.NOT_REACHED + ")", PROPOSALS - opened);
			assertThat(writes).isEqualTo(3L * opened);
			// Writes as fast as the minute's limit lets them go: 500 take six minutes and more of waiting.
			assertThat(pacer.waited()).isGreaterThan(Duration.ofMinutes(5));
		}
	}

	private static BumpRequest request(String repo) {
		String prefix = "<!-- consumer-drift:bump ";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(".runtime-version", "0.3.27\n".getBytes(StandardCharsets.UTF_8));
		files.put("Dockerfile", "ARG RUNTIME_VERSION=0.3.27\n".getBytes(StandardCharsets.UTF_8));
		String marker = prefix + "repo=" + repo + " target=0.3.27 -->";
		return new BumpRequest("bump/runtime-0.3.27", "bump/runtime-", "Bump molecule-ai-workspace-runtime to 0.3.27",
				"Bumps.\n\n" + marker + "\n", marker, prefix, files, List.of());
	}
}
