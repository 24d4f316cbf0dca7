package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
 * Bump proposals on Gitea, against the fake: the branch and its one commit through the contents API, the
 * pull request with the run's label ids, and night after night the tool's own proposals kept, refreshed,
 * superseded or left declined, while a branch or pull request it did not make is never touched.
 */
class GiteaBumpsTests {

	private static final String PREFIX = "<!-- consumer-drift:bump ";

	private static final String REPO = "molecule-ai-workspace-template-x";

	private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	private final FakeGitea gitea = FakeGitea.start();

	private final RepoRef repo = new RepoRef("acme", REPO, "main", false, false, false);

	private BumpWriter bumps;

	@BeforeEach
	void setUp() {
		gitea.repo("acme", REPO)
			.file(".runtime-version", "0.3.20\n")
			.file("Dockerfile", "FROM python:3.12\r\nARG RUNTIME_VERSION=0.3.20\r\n")
			.file("README.md", "x\n");
		gitea.issues("acme", null).label("runtime-bump");
		bumps = bumps();
	}

	@AfterEach
	void stop() {
		gitea.close();
	}

	@Test
	void theFirstProposalIsABranchWithOneCommitAndAPullRequest() {
		BumpResult result = bumps.propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).isEqualTo("opened");
		assertThat(result.number()).isEqualTo(1);
		assertThat(result.url()).isEqualTo(gitea.baseUrl() + "/acme/" + REPO + "/pulls/1");
		assertThat(result.openedAt()).isNotNull();
		FakeGiteaRepo fake = gitea.repo("acme", REPO);
		assertThat(fake.branchNames()).containsExactly("bump/runtime-0.3.27");
		assertThat(text(fake.fileOn("bump/runtime-0.3.27", ".runtime-version"))).isEqualTo("0.3.27\n");
		assertThat(text(fake.fileOn("bump/runtime-0.3.27", "Dockerfile")))
			.isEqualTo("FROM python:3.12\r\nARG RUNTIME_VERSION=0.3.27\r\n");
		assertThat(text(fake.fileOn("main", ".runtime-version"))).as("the default branch is never written")
			.isEqualTo("0.3.20\n");
		assertThat(gitea.commits()).isEqualTo(1);
		FakeIssues.Issue pull = gitea.issues("acme", REPO).pulls().get(0);
		assertThat(pull.head()).isEqualTo("bump/runtime-0.3.27");
		assertThat(pull.title()).isEqualTo("Bump molecule-ai-workspace-runtime to 0.3.27");
		assertThat(pull.body()).isEqualTo(body("0.3.27", "body"));
		assertThat(pull.labels()).containsExactly("runtime-bump");
		assertThat(gitea.requests()).filteredOn((request) -> !request.method().equals("GET"))
			.extracting((request) -> request.method() + " " + request.path())
			.containsExactly("POST /api/v1/repos/acme/" + REPO + "/contents", "POST /api/v1/repos/acme/" + REPO + "/pulls");
	}

	@Test
	void theSameProposalTheNextNightIsLeftAsItIs() {
		bumps.propose(repo, request("0.3.27", "body"));
		gitea.clearRequests();

		BumpResult again = bumps().propose(repo, request("0.3.27", "body"));

		assertThat(again.state()).isEqualTo("unchanged");
		assertThat(again.number()).isEqualTo(1);
		assertThat(gitea.commits()).isEqualTo(1);
		assertThat(gitea.requests()).allSatisfy((request) -> assertThat(request.method()).isEqualTo("GET"));
	}

	@Test
	void aChangedBodyIsRefreshed() {
		bumps.propose(repo, request("0.3.27", "body"));

		BumpResult again = bumps().propose(repo, request("0.3.27", "a newer body"));

		assertThat(again.state()).isEqualTo("updated");
		FakeIssues.Issue pull = gitea.issues("acme", REPO).pulls().get(0);
		assertThat(pull.body()).isEqualTo(body("0.3.27", "a newer body"));
		assertThat(pull.isOpen()).isTrue();
		assertThat(gitea.commits()).isEqualTo(1);
	}

	@Test
	void aNewTargetSupersedesTheOlderProposalWithACommentNamingIt() {
		bumps.propose(repo, request("0.3.27", "body"));

		BumpResult newer = bumps().propose(repo, request("0.3.28", "body"));

		assertThat(newer.state()).isEqualTo("opened");
		assertThat(newer.number()).isEqualTo(2);
		assertThat(newer.superseded()).isEqualTo(1);
		List<FakeIssues.Issue> pulls = gitea.issues("acme", REPO).pulls();
		assertThat(pulls.get(0).isOpen()).isFalse();
		assertThat(pulls.get(0).comments()).singleElement().asString().startsWith("Superseded by #2 ")
			.contains(newer.url());
		assertThat(pulls.get(1).isOpen()).isTrue();
	}

	@Test
	void aProposalPeopleClosedIsDeclinedAndNeverReopened() {
		BumpResult first = bumps.propose(repo, request("0.3.27", "body"));
		gitea.issues("acme", REPO).close(first.number());

		BumpResult again = bumps().propose(repo, request("0.3.27", "a newer body"));

		assertThat(again.state()).isEqualTo("declined");
		assertThat(again.number()).isEqualTo(first.number());
		FakeIssues.Issue pull = gitea.issues("acme", REPO).pulls().get(0);
		assertThat(pull.isOpen()).isFalse();
		assertThat(pull.body()).isEqualTo(body("0.3.27", "body"));
		assertThat(gitea.issues("acme", REPO).pulls()).hasSize(1);
		assertThat(gitea.commits()).isEqualTo(1);
	}

	@Test
	void aBranchOfThatNameTheToolDidNotMakeIsLeftAlone() {
		gitea.repo("acme", REPO).branch("bump/runtime-0.3.27");
		// Someone's pull request quoting the marker, from a branch of another name, is not the tool's either.
		gitea.issues("acme", REPO).addPull("mine", body("0.3.27", "copied"), "feature", "main");

		BumpResult result = bumps.propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).isEqualTo("failed");
		assertThat(result.reason()).contains("bump/runtime-0.3.27 exists and was not made by consumer-drift")
			.contains("left alone");
		assertThat(text(gitea.repo("acme", REPO).fileOn("bump/runtime-0.3.27", ".runtime-version"))).isEqualTo("0.3.20\n");
		assertThat(gitea.commits()).isZero();
		assertThat(gitea.issues("acme", REPO).pulls()).singleElement()
			.satisfies((pull) -> assertThat(pull.isOpen()).isTrue());
	}

	@Test
	void theToolsBranchWhosePullRequestWasNotOpenedGetsItTheNextNight() {
		gitea.failAlways("/pulls$", 429);
		BumpResult first = bumps.propose(repo, request("0.3.27", "body"));
		assertThat(first.state()).isEqualTo("failed");
		assertThat(first.reason()).contains("POST /api/v1/repos/acme/" + REPO + "/pulls: HTTP 429");
		assertThat(gitea.repo("acme", REPO).branchNames()).containsExactly("bump/runtime-0.3.27");
		gitea.clearFaults();

		BumpResult next = bumps().propose(repo, request("0.3.27", "body"));

		assertThat(next.state()).isEqualTo("opened");
		assertThat(gitea.commits()).as("the branch is the tool's: no second commit").isEqualTo(1);
		assertThat(gitea.issues("acme", REPO).pulls()).singleElement()
			.satisfies((pull) -> assertThat(pull.head()).isEqualTo("bump/runtime-0.3.27"));
	}

	@Test
	void aWriteTheTokenMayNotMakeIsAFailedProposalWithTheForgesReason() {
		gitea.readOnlyToken();

		BumpResult result = bumps.propose(repo, request("0.3.27", "body"));

		assertThat(result.state()).isEqualTo("failed");
		assertThat(result.reason()).contains("POST /api/v1/repos/acme/" + REPO + "/contents: HTTP 403")
			.contains("permission to write");
		assertThat(gitea.repo("acme", REPO).branchNames()).isEmpty();
	}

	@Test
	void aFileChangedSinceItWasReadIsNotOverwritten() {
		BumpRequest stale = request("0.3.27", "body");
		gitea.repo("acme", REPO).file("Dockerfile", "FROM python:3.13\nARG RUNTIME_VERSION=0.3.20\n");
		// The writer reads each file's blob from the listing it fetches just before writing: a change between
		// that read and the write is refused by Gitea (sha mismatch), and one before it is the scan's to see.
		assertThat(bumps.propose(repo, stale).state()).isEqualTo("opened");
		assertThat(text(gitea.repo("acme", REPO).fileOn("main", "Dockerfile")))
			.isEqualTo("FROM python:3.13\nARG RUNTIME_VERSION=0.3.20\n");
	}

	@Test
	void labelsAreLookedUpOncePerRunAndOneThatDoesNotExistIsLeftOffAndNeverCreated() {
		BumpRequest request = new BumpRequest("bump/runtime-0.3.27", "bump/runtime-", title("0.3.27"),
				body("0.3.27", "body"), marker("0.3.27"), PREFIX, files("0.3.27"), List.of("runtime-bump", "nope"));
		gitea.repo("acme", "other").file(".runtime-version", "0.3.20\n").file("Dockerfile", "FROM x\r\n");

		assertThat(bumps.propose(repo, request).state()).isEqualTo("opened");
		assertThat(bumps.propose(new RepoRef("acme", "other", "main", false, false, false), request).state())
			.isEqualTo("opened");

		assertThat(gitea.issues("acme", REPO).pulls().get(0).labels()).containsExactly("runtime-bump");
		assertThat(gitea.issues("acme", "other").pulls().get(0).labels()).containsExactly("runtime-bump");
		assertThat(gitea.issues("acme", REPO).labelNames()).isEmpty();
		assertThat(gitea.requests("/api/v1/orgs/acme/labels\\?.*page=1.*")).hasSize(1);
	}

	private BumpWriter bumps() {
		return TestForges.gitea(gitea, TestForges.TOKEN, new RecordingSleeper()).bumps(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static BumpRequest request(String target, String text) {
		return new BumpRequest("bump/runtime-" + target, "bump/runtime-", title(target), body(target, text),
				marker(target), PREFIX, files(target), List.of("runtime-bump"));
	}

	private static Map<String, byte[]> files(String target) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(".runtime-version", (target + "\n").getBytes(StandardCharsets.UTF_8));
		files.put("Dockerfile", ("FROM python:3.12\r\nARG RUNTIME_VERSION=" + target + "\r\n").getBytes(StandardCharsets.UTF_8));
		return files;
	}

	private static String title(String target) {
		return "Bump molecule-ai-workspace-runtime to " + target;
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
}
