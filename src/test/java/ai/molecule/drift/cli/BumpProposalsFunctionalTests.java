package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bump proposals on the local forge over several nights, the job run as the command line runs it: a first
 * proposal, an unchanged night, a staged bump going on after its merge, the SSOT moving on, and the
 * consumers that are never proposed a bump (excluded, archived).
 */
class BumpProposalsFunctionalTests {

	private static final String T = "molecule-ai-workspace-template-";

	@TempDir
	Path dir;

	@Test
	void proposalsNightAfterNight() throws Exception {
		Path org = Files.createDirectories(dir.resolve("org"));
		Path runtime = runtime(org.resolve("molecule-ai-workspace-runtime"), 27);
		template(org, "lag", "0.3.20\n");
		template(org, "far", "0.3.1\r\n");
		template(org, "excluded", "0.3.20\n");
		template(org, "archived", "0.3.20\n");
		Files.writeString(org.resolve(T + "archived/.archived"), "archived\n");
		Files.writeString(dir.resolve("drift-policy.yml"), """
				consumers: [%1$slag, %1$sfar, %1$sexcluded, %1$sarchived]
				propose:
				  max-step: 10
				  exclude: [%1$sexcluded]
				""".formatted(T));

		JsonNode first = night(org);
		assertThat(proposal(first, "lag")).isEqualTo("0.3.27 1/1 opened");
		assertThat(proposal(first, "far")).isEqualTo("0.3.11 1/3 opened");
		assertThat(repo(first, "excluded").get("proposal").isNull()).isTrue();
		assertThat(repo(first, "archived").get("proposal").isNull()).isTrue();
		assertThat(branches(org, "far")).containsExactlyInAnyOrder("bump/runtime-0.3.11", "main");

		JsonNode second = night(org);
		assertThat(proposal(second, "lag")).isEqualTo("0.3.27 1/1 unchanged");
		assertThat(proposal(second, "far")).isEqualTo("0.3.11 1/3 unchanged");

		// People merge the first stage: the next night proposes the second and drops the merged branch.
		commit(org.resolve(T + "far"), ".runtime-version", "0.3.11\r\n");
		JsonNode third = night(org);
		assertThat(proposal(third, "far")).isEqualTo("0.3.21 2/3 opened");
		assertThat(branches(org, "far")).containsExactlyInAnyOrder("bump/runtime-0.3.21", "main");

		// A new release: the lagging consumer's proposal moves to it, the older one is removed.
		release(runtime, 28);
		JsonNode fourth = night(org);
		assertThat(proposal(fourth, "lag")).isEqualTo("0.3.28 1/1 opened");
		assertThat(branches(org, "lag")).containsExactlyInAnyOrder("bump/runtime-0.3.28", "main");
		assertThat(fourth.get("status").asString()).as("proposals never change the verdict").isEqualTo("pass");
	}

	@Test
	void aDryRunSaysWhatItWouldProposeAndWritesNothing() throws Exception {
		Path org = Files.createDirectories(dir.resolve("org"));
		runtime(org.resolve("molecule-ai-workspace-runtime"), 27);
		template(org, "lag", "0.3.20\n");
		Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [" + T + "lag]\n");
		JsonNode report = night(org, "--drift.propose.dry-run=true");
		assertThat(proposal(report, "lag")).isEqualTo("0.3.27 1/1 dry-run");
		assertThat(branches(org, "lag")).containsExactly("main");
	}

	private JsonNode night(Path org, String... extra) throws IOException {
		Path reports = dir.resolve("reports");
		List<String> args = new ArrayList<>(List.of("scan", "--drift.forge.type=local", "--drift.forge.root=" + org,
				"--drift.policy-file=" + dir.resolve("drift-policy.yml"), "--drift.report.dir=" + reports,
				"--drift.propose.enabled=true", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/history")));
		args.addAll(List.of(extra));
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
		return proposal.get("target").asString() + " " + proposal.get("stage").asInt() + "/" + proposal.get("stages").asInt()
				+ " " + proposal.get("state").asString();
	}

	private static List<String> branches(Path org, String name) throws Exception {
		try (Git git = Git.open(org.resolve(T + name).toFile())) {
			return git.branchList().call().stream().map((ref) -> ref.getName().substring("refs/heads/".length())).toList();
		}
	}

	private static void template(Path org, String name, String pin) throws Exception {
		Path repo = Files.createDirectories(org.resolve(T + name));
		Files.writeString(repo.resolve("Dockerfile"), "FROM python:3.12\nARG RUNTIME_VERSION=" + pin.strip() + "\n");
		commit(repo, ".runtime-version", pin);
	}

	private static void commit(Path repo, String path, String content) throws Exception {
		Files.writeString(repo.resolve(path), content);
		try (Git git = Files.exists(repo.resolve(".git")) ? Git.open(repo.toFile())
				: Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
			git.add().addFilepattern(".").call();
			PersonIdent who = new PersonIdent("dev", "dev@example.com");
			git.commit().setMessage("change " + path).setSign(false).setAuthor(who).setCommitter(who).call();
		}
	}

	private static Path runtime(Path repo, int lastPatch) throws Exception {
		Files.createDirectories(repo);
		try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
			for (int patch = 0; patch <= lastPatch; patch++) {
				tagRelease(git, repo, patch);
			}
		}
		return repo;
	}

	private static void release(Path repo, int patch) throws Exception {
		try (Git git = Git.open(repo.toFile())) {
			tagRelease(git, repo, patch);
		}
	}

	private static void tagRelease(Git git, Path repo, int patch) throws Exception {
		Files.writeString(repo.resolve("VERSION"), "0.3." + patch + "\n");
		git.add().addFilepattern(".").call();
		PersonIdent bot = new PersonIdent("bot", "bot@example.com", Instant.parse("2026-01-01T00:00:00Z")
			.plusSeconds(86_400L * patch), ZoneOffset.UTC);
		git.tag().setName("runtime-v0.3." + patch).setAnnotated(false)
			.setObjectId(git.commit().setMessage("0.3." + patch).setSign(false).setAuthor(bot).setCommitter(bot).call())
			.call();
	}
}
