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
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.FakeGitHub;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.FakeGiteaRepo;
import ai.molecule.drift.forge.LocalForge;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organisation served three ways (folders, a fake Gitea, a fake GitHub) and scanned through the
 * command line: the JSON reports are identical apart from the run's id, times and forge block.
 */
class ForgeEquivalenceTests {

	private static final String TOKEN = "equivalence-t0ken";

	@TempDir
	Path dir;

	@Test
	void theSameOrganisationGivesTheSameReportOnEveryForge() throws Exception {
		DemoOrg demo = DemoOrg.create(dir.resolve("demo"));
		try (FakeGitea gitea = FakeGitea.start(); FakeGitHub github = FakeGitHub.start().requireToken(TOKEN)) {
			mirror(demo, gitea::repo);
			mirror(demo, github::repo);

			JsonNode local = scan(demo, "local", "--drift.forge.root=" + demo.root());
			JsonNode onGitea = scan(demo, "gitea", "--drift.forge.base-url=" + gitea.baseUrl());
			JsonNode onGitHub = scan(demo, "github", "--drift.forge.base-url=" + github.baseUrl(),
					"--drift.forge.token=" + TOKEN);

			assertThat(local.get("status").asString()).isEqualTo("fail");
			assertThat(local.get("repos")).hasSize(17);
			// The vendored contracts too: one upstream file, its adopters in each state, read alike everywhere.
			JsonNode contracts = local.get("contracts").get(0);
			assertThat(List.of(contracts.get("adopters").asInt(), contracts.get("inSync").asInt(),
					contracts.get("drifted").asInt(), contracts.get("lockMismatch").asInt())).containsExactly(9, 7, 1, 1);
			assertThat(contracts.get("notAdopted").get(0).asString()).isEqualTo(demo.repoPrefix() + "hermes");
			assertThat(onGitea).isEqualTo(local);
			assertThat(onGitHub).isEqualTo(local);
			assertThat(github.requests("POST /api/graphql")).hasSize(2);
		}
	}

	private JsonNode scan(DemoOrg demo, String forge, String... settings) throws IOException {
		Path reports = dir.resolve("reports-" + forge);
		List<String> args = new ArrayList<>(List.of("scan", "--drift.forge.type=" + forge,
				"--drift.policy-file=" + demo.policyFile(), "--drift.org=" + demo.org(),
				"--drift.repo-prefix=" + demo.repoPrefix(), "--drift.ssot.repo=" + demo.ssotRepo(),
				"--drift.ssot.tag-prefix=" + demo.tagPrefix(), "--drift.report.dir=" + reports,
				"--spring.datasource.url=jdbc:h2:mem:equivalence-" + forge + ";DB_CLOSE_DELAY=-1"));
		args.addAll(List.of(settings));
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
		int exit = Cli.run(args, quiet, quiet);
		assertThat(exit).as(forge + ": " + sink.toString(StandardCharsets.UTF_8)).isEqualTo(1);
		ObjectNode report = (ObjectNode) JsonMapper.builder().build()
			.readTree(Files.readString(reports.resolve("drift-report.json")));
		report.remove(List.of("runId", "startedAt", "finishedAt", "forge"));
		return report;
	}

	/** Every repository folder as a forge repository: its files, its archived marker, and the runtime's git tags. */
	private static void mirror(DemoOrg demo, BiFunction<String, String, FakeGiteaRepo> repos) throws Exception {
		try (Stream<Path> folders = Files.list(demo.root())) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				FakeGiteaRepo repo = repos.apply(demo.org(), folder.getFileName().toString());
				try (Stream<Path> files = Files.walk(folder)) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						String path = folder.relativize(file).toString().replace('\\', '/');
						if (!path.startsWith(".git/")) {
							repo.file(path, Files.readAllBytes(file));
						}
					}
				}
				if (Files.exists(folder.resolve(LocalForge.ARCHIVED_MARKER))) {
					repo.archived();
				}
				if (Files.isDirectory(folder.resolve(".git"))) {
					tags(folder, repo);
				}
			}
		}
	}

	/** Dated as the local forge and Gitea date them: the tagger for an annotated tag, else the commit. */
	private static void tags(Path folder, FakeGiteaRepo repo) throws Exception {
		try (Git git = Git.open(folder.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
			for (Ref ref : git.tagList().call()) {
				RevObject target = walk.parseAny(ref.getObjectId());
				Instant date = (target instanceof RevTag tag) ? tag.getTaggerIdent().getWhenAsInstant()
						: ((RevCommit) target).getCommitterIdent().getWhenAsInstant();
				repo.tag(ref.getName().substring("refs/tags/".length()), date);
			}
		}
	}
}
