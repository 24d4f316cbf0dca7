package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.molecule.drift.forge.FakeGitHub;
import ai.molecule.drift.forge.FakeIssues;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bump proposals on (a fake) GitHub over several nights, the job run as the command line runs it: first
 * proposals, an unchanged night, a staged bump going on after its merge, a proposal people closed (declined,
 * never reopened), the SSOT moving on (the older proposal closed), a branch someone else made (left alone),
 * the consumers never proposed a bump (excluded, archived), and a token that may not write; the pull
 * requests made through the REST API, each commit through GraphQL.
 */
class GitHubBumpProposalsFunctionalTests {

	private static final String ORG = "molecule-ai";

	private static final String T = "molecule-ai-workspace-template-";

	private static final String TOKEN = "ghp_FunctionalT3stT0ken0000000000000000";

	@TempDir
	Path dir;

	private FakeGitHub github;

	@BeforeEach
	void setUp() throws IOException {
		github = FakeGitHub.start().requireToken(TOKEN);
		github.repo(ORG, "molecule-ai-workspace-runtime").file("README.md", "runtime\n");
		for (int patch = 0; patch <= 27; patch++) {
			release(patch);
		}
		template("lag", "0.3.20");
		template("far", "0.3.1");
		template("closed", "0.3.20");
		template("excluded", "0.3.20");
		template("archived", "0.3.20");
		github.repo(ORG, T + "archived").archived();
		template("foreign", "0.3.20");
		github.repo(ORG, T + "foreign").branch("bump/runtime-0.3.27");
		// GitHub has no organisation labels: the one repository with the label gets it.
		github.issues(ORG, T + "lag").label("runtime-bump");
		Files.writeString(dir.resolve("drift-policy.yml"), """
				consumers: [%1$slag, %1$sfar, %1$sclosed, %1$sexcluded, %1$sarchived, %1$sforeign]
				propose:
				  max-step: 10
				  labels: [runtime-bump]
				  exclude: [%1$sexcluded]
				""".formatted(T));
	}

	@AfterEach
	void stop() {
		github.close();
	}

	@Test
	void proposalsNightAfterNight() throws Exception {
		JsonNode first = night();
		assertThat(proposal(first, "lag")).isEqualTo("0.3.27 1/1 opened #1");
		assertThat(proposal(first, "far")).isEqualTo("0.3.11 1/3 opened #1");
		assertThat(proposal(first, "closed")).isEqualTo("0.3.27 1/1 opened #1");
		assertThat(repo(first, "excluded").get("proposal").isNull()).isTrue();
		assertThat(repo(first, "archived").get("proposal").isNull()).isTrue();
		assertThat(proposal(first, "foreign")).isEqualTo("0.3.27 1/1 failed");
		assertThat(github.repo(ORG, T + "foreign").branchNames()).containsExactly("bump/runtime-0.3.27");
		assertThat(github.issues(ORG, T + "foreign").pulls()).isEmpty();
		FakeIssues.Issue lag = github.issues(ORG, T + "lag").pulls().get(0);
		assertThat(lag.title()).isEqualTo("Bump molecule-ai-workspace-runtime to 0.3.27");
		assertThat(lag.labels()).containsExactly("runtime-bump");
		assertThat(github.issues(ORG, T + "far").pulls().get(0).title()).endsWith("(stage 1 of 3)");
		assertThat(text(T + "lag", "main", ".runtime-version")).as("the default branch is never written")
			.isEqualTo("0.3.20\n");
		assertThat(text(T + "lag", "bump/runtime-0.3.27", ".runtime-version")).isEqualTo("0.3.27\n");
		assertThat(text(T + "lag", "bump/runtime-0.3.27", "Dockerfile"))
			.isEqualTo("FROM python:3.12\r\nARG RUNTIME_VERSION=0.3.27\r\n");
		int commits = github.commits();

		JsonNode second = night();
		assertThat(proposal(second, "lag")).isEqualTo("0.3.27 1/1 unchanged #1");
		assertThat(proposal(second, "far")).isEqualTo("0.3.11 1/3 unchanged #1");
		assertThat(github.commits()).isEqualTo(commits);

		// People merge far's first stage, and close the proposal of "closed" without merging it.
		github.repo(ORG, T + "far").file(".runtime-version", "0.3.11\n")
			.file("Dockerfile", "FROM python:3.12\r\nARG RUNTIME_VERSION=0.3.11\r\n");
		github.issues(ORG, T + "far").merge(1);
		github.issues(ORG, T + "closed").close(1);
		JsonNode third = night();
		assertThat(proposal(third, "far")).isEqualTo("0.3.21 2/3 opened #2");
		assertThat(proposal(third, "closed")).isEqualTo("0.3.27 1/1 declined #1");
		assertThat(github.issues(ORG, T + "closed").pulls()).singleElement()
			.satisfies((pull) -> assertThat(pull.isOpen()).isFalse());

		// A new release: the open proposal moves to it, the older one is closed naming the new one.
		release(28);
		JsonNode fourth = night();
		assertThat(proposal(fourth, "lag")).isEqualTo("0.3.28 1/1 opened #2");
		List<FakeIssues.Issue> pulls = github.issues(ORG, T + "lag").pulls();
		assertThat(pulls.get(0).isOpen()).isFalse();
		assertThat(pulls.get(0).comments()).singleElement().asString().startsWith("Superseded by #2");
		assertThat(pulls.get(1).isOpen()).isTrue();
		assertThat(fourth.get("status").asString()).as("proposals never change the verdict").isEqualTo("pass");
	}

	@Test
	void aTokenThatMayNotWriteFailsTheProposalsNotTheRun() throws Exception {
		github.readOnlyToken();
		JsonNode report = night();
		assertThat(proposal(report, "lag")).isEqualTo("0.3.27 1/1 failed");
		assertThat(repo(report, "lag").get("proposal").toString()).contains("HTTP 403");
		assertThat(report.get("status").asString()).isEqualTo("pass");
		assertThat(github.repo(ORG, T + "lag").branchNames()).isEmpty();
	}

	private JsonNode night() throws IOException {
		Path reports = dir.resolve("reports");
		List<String> args = new ArrayList<>(List.of("scan", "--drift.forge.type=github", "--drift.forge.github.write-interval=0s",
				"--drift.forge.base-url=" + github.baseUrl(), "--drift.forge.token=" + TOKEN,
				"--drift.policy-file=" + dir.resolve("drift-policy.yml"), "--drift.report.dir=" + reports,
				"--drift.propose.enabled=true", "--drift.forge.max-attempts=1",
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/history")));
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
		int exit = Cli.run(args, out, out);
		assertThat(exit).as(sink.toString(StandardCharsets.UTF_8)).isZero();
		return JsonMapper.builder().build().readTree(Files.readString(reports.resolve("drift-report.json")));
	}

	private static JsonNode repo(JsonNode report, String name) {
		return report.get("repos").valueStream().filter((repo) -> repo.get("name").asString().equals(T + name))
			.findFirst().orElseThrow();
	}

	private static String proposal(JsonNode report, String name) {
		JsonNode proposal = repo(report, name).get("proposal");
		String number = proposal.path("number").isNumber() ? " #" + proposal.get("number").asInt() : "";
		return proposal.get("target").asString() + " " + proposal.get("stage").asInt() + "/"
				+ proposal.get("stages").asInt() + " " + proposal.get("state").asString() + number;
	}

	private String text(String repo, String branch, String path) {
		byte[] bytes = github.repo(ORG, repo).fileOn(branch, path);
		return (bytes == null) ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	private void template(String name, String pin) {
		github.repo(ORG, T + name).file(".runtime-version", pin + "\n")
			.file("Dockerfile", "FROM python:3.12\r\nARG RUNTIME_VERSION=" + pin + "\r\n");
	}

	private void release(int patch) {
		Instant date = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * patch);
		github.tag(ORG, "molecule-ai-workspace-runtime", "runtime-v0.3." + patch, date);
		github.release(ORG, "molecule-ai-workspace-runtime", "runtime-v0.3." + patch, date, false, false);
	}
}
