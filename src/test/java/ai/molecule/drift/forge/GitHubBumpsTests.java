package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.forge.TestForges.RecordingSleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bump proposals on GitHub, against the fake: the branch at the default branch's head, one commit for all
 * files through {@code createCommitOnBranch}, the pull request and its labels, the tool's own proposals kept,
 * refreshed, superseded or left declined night after night, and the writes paced within GitHub's secondary
 * limits on content creation, stopping cleanly when the hour's budget would be exceeded.
 */
class GitHubBumpsTests {

	private static final String PREFIX = "<!-- consumer-drift:bump ";

	private static final String REPO = "molecule-ai-workspace-template-x";

	private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	private final FakeGitHub github = FakeGitHub.start();

	private final RepoRef repo = new RepoRef("acme", REPO, "main", false, false, false);

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@BeforeEach
	void setUp() {
		github.repo("acme", REPO)
			.file(".runtime-version", "0.3.20\n")
			.file("Dockerfile", "FROM python:3.12\r\nARG RUNTIME_VERSION=0.3.20\r\n");
		github.issues("acme", REPO).label("runtime-bump");
	}

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void theFirstProposalIsARefOneCommitAndAPullRequestWithItsLabels() {
		BumpResult result = bumps().propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).as(String.valueOf(result.reason())).isEqualTo("opened");
		assertThat(result.number()).isEqualTo(1);
		assertThat(result.url()).isEqualTo(github.baseUrl() + "/acme/" + REPO + "/pull/1");
		FakeGiteaRepo fake = github.repo("acme", REPO);
		assertThat(fake.branchNames()).containsExactly("bump/runtime-0.3.27");
		assertThat(text(fake.fileOn("bump/runtime-0.3.27", "Dockerfile")))
			.isEqualTo("FROM python:3.12\r\nARG RUNTIME_VERSION=0.3.27\r\n");
		assertThat(text(fake.fileOn("main", ".runtime-version"))).isEqualTo("0.3.20\n");
		assertThat(github.commits()).isEqualTo(1);
		FakeIssues.Issue pull = github.issues("acme", REPO).pulls().get(0);
		assertThat(pull.head()).isEqualTo("bump/runtime-0.3.27");
		assertThat(pull.body()).isEqualTo(body("0.3.27", "body"));
		assertThat(pull.labels()).containsExactly("runtime-bump");
		assertThat(github.requests()).filteredOn((request) -> !request.method().equals("GET"))
			.extracting((request) -> request.method() + " " + request.path())
			.containsExactly("POST /api/v3/repos/acme/" + REPO + "/git/refs", "POST /api/graphql",
					"POST /api/v3/repos/acme/" + REPO + "/pulls", "POST /api/v3/repos/acme/" + REPO + "/issues/1/labels");
	}

	@Test
	void nightAfterNightTheToolsProposalsAreKeptRefreshedSupersededOrDeclined() {
		bumps().propose(repo, request("0.3.27", "body"));
		assertThat(bumps().propose(repo, request("0.3.27", "body")).state()).isEqualTo("unchanged");
		assertThat(bumps().propose(repo, request("0.3.27", "newer")).state()).isEqualTo("updated");
		assertThat(github.issues("acme", REPO).pulls().get(0).body()).isEqualTo(body("0.3.27", "newer"));

		BumpResult newer = bumps().propose(repo, request("0.3.28", "body"));
		assertThat(newer.state()).isEqualTo("opened");
		assertThat(newer.superseded()).isEqualTo(1);
		FakeIssues.Issue older = github.issues("acme", REPO).pulls().get(0);
		assertThat(older.isOpen()).isFalse();
		assertThat(older.comments()).singleElement().asString().startsWith("Superseded by #2 ");

		github.issues("acme", REPO).close(newer.number());
		BumpResult declined = bumps().propose(repo, request("0.3.28", "body"));
		assertThat(declined.state()).isEqualTo("declined");
		assertThat(github.issues("acme", REPO).pulls().get(1).isOpen()).isFalse();
		assertThat(github.commits()).isEqualTo(2);
	}

	@Test
	void aBranchOfThatNameTheToolDidNotMakeIsLeftAlone() {
		github.repo("acme", REPO).branch("bump/runtime-0.3.27");

		BumpResult result = bumps().propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).isEqualTo("failed");
		assertThat(result.reason()).contains("was not made by consumer-drift").contains("left alone");
		assertThat(text(github.repo("acme", REPO).fileOn("bump/runtime-0.3.27", ".runtime-version")))
			.isEqualTo("0.3.20\n");
		assertThat(github.commits()).isZero();
		assertThat(github.issues("acme", REPO).pulls()).isEmpty();
	}

	@Test
	void aRefusedWriteIsAFailedProposalWithGitHubsReason() {
		github.readOnlyToken();

		BumpResult result = bumps().propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).isEqualTo("failed");
		assertThat(result.reason()).contains("HTTP 403").contains("Resource not accessible by personal access token");
		assertThat(github.repo("acme", REPO).branchNames()).isEmpty();
	}

	/** A commit GitHub refuses leaves no branch behind, so the next night does not take it for someone else's. */
	@Test
	void aRefusedCommitRemovesTheBranchItWasFor() {
		github.failAlways("/api/graphql", 502);

		BumpResult result = bumps().propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).isEqualTo("failed");
		assertThat(github.repo("acme", REPO).branchNames()).isEmpty();
		github.clearFaults();
		assertThat(bumps().propose(repo, request("0.3.27", "body")).state()).isEqualTo("opened");
	}

	@Test
	void whenTheHoursBudgetWouldBeExceededTheRestIsReportedNotReached() {
		for (int i = 0; i < 5; i++) {
			github.repo("acme", "t" + i).file(".runtime-version", "0.3.20\n").file("Dockerfile", "FROM x\n");
		}
		AdvancingClock clock = new AdvancingClock(NOW);
		// A budget of 10 content-creating requests an hour. A new proposal reserves four (the ref, the commit, the
		// pull request, its labels) and these repositories have no labels, so each sends three: three proposals
		// fit (9 sent), a fourth would not (9 + 4 > 10) and is not started.
		ContentPacer pacer = new ContentPacer(3, 10, clock, clock);
		BumpWriter bumps = TestForges.github(github, TestForges.TOKEN, sleeper).bumps(clock, pacer);

		List<String> states = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			BumpResult result = bumps.propose(new RepoRef("acme", "t" + i, "main", false, false, false),
					request("0.3.27", "body"));
			states.add(result.state() + (result.reason() == null ? "" : ": " + result.reason()));
		}

		assertThat(states).containsExactly("opened", "opened", "opened",
				"failed: not reached: GitHub's hourly limit on content creation",
				"failed: not reached: GitHub's hourly limit on content creation");
		assertThat(github.repo("acme", "t3").branchNames()).as("stopped before its first write").isEmpty();
		// Three writes a minute: the pacer waited for the minute to pass, and only then wrote on.
		assertThat(pacer.waited()).isGreaterThan(Duration.ZERO);
		assertThat(pacer.sentInLastHour()).isEqualTo(9);
	}

	@Test
	void thePacerKeepsEightyWritesAMinuteAndFiveHundredAnHour() {
		AdvancingClock clock = new AdvancingClock(NOW);
		ContentPacer pacer = new ContentPacer(80, 500, clock, clock);
		int written = 0;
		try {
			for (int i = 0; i < 600; i++) {
				pacer.beforeWrite();
				written++;
				clock.advance(Duration.ofMillis(100));
			}
		}
		catch (PullBumps.NotReached ex) {
			assertThat(ex.getMessage()).isEqualTo("not reached: GitHub's hourly limit on content creation");
		}
		assertThat(written).isEqualTo(500);
		// 500 writes at 80 a minute: six full minutes waited out, never more than 80 in any minute.
		assertThat(pacer.waited()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(7));
	}

	private BumpWriter bumps() {
		return TestForges.github(github, TestForges.TOKEN, sleeper).bumps(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static BumpRequest request(String target, String text) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(".runtime-version", (target + "\n").getBytes(StandardCharsets.UTF_8));
		files.put("Dockerfile", ("FROM python:3.12\r\nARG RUNTIME_VERSION=" + target + "\r\n").getBytes(StandardCharsets.UTF_8));
		return new BumpRequest("bump/runtime-" + target, "bump/runtime-", "Bump molecule-ai-workspace-runtime to " + target,
				body(target, text), marker(target), PREFIX, files, List.of("runtime-bump"));
	}

	private static String marker(String target) {
		return PREFIX + "repo=" + REPO + " target=" + target + " -->";
	}

	private static String body(String target, String text) {
		return text + "\n\n" + marker(target) + "\n";
	}

	private static String text(byte[] bytes) {
		return (bytes == null) ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	/** A clock that a wait moves on: a pacing test runs in no time and sees the time it would take. */
	static final class AdvancingClock extends Clock implements Sleeper {

		private Instant now;

		AdvancingClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public void sleep(Duration duration) {
			advance(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
