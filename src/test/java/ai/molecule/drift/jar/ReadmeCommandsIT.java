package ai.molecule.drift.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.FakeGitHub;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.FakeIssues;
import ai.molecule.drift.history.PostgresServer;
import ai.molecule.drift.jar.JarProcess.Result;
import ai.molecule.drift.jar.ReadmeBlocks.Block;
import ai.molecule.drift.jar.ReadmeBlocks.Command;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every command block of README.md and of {@code docs/*.md} runs as written, so that a README drifting from the product
 * fails the build (the documents hold what moved out of the README, commands included). Each command line of a shell
 * block is either run by bash in a folder of its own, where {@code target/consumer-drift.jar} is the packaged jar,
 * and its exit code checked ({@code 1} for a demo scan,
 * else {@code 0}), or matched by the short {@link #NOT_RUN} list with the reason it cannot run here. A block that
 * assumes a server gets a local one: a fake Gitea (or fake GitHub) on 127.0.0.1 for the forge, and the test's
 * PostgreSQL server for a {@code jdbc:postgresql} URL; the variables a block exports that point at example hosts or
 * hold placeholder secrets are set to those. A command this test does not know, an unlabelled block it does not
 * know, or a block in an unknown language fails the test until it is run or listed. The documents' relative links are
 * checked too, since sections move between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeCommandsIT {

	/** The commands that cannot run here, each with its reason. Matched against a whole line or one {@code &&} part. */
	private static final Map<Pattern, String> NOT_RUN = notRun(
			"mvn -B verify", "the README's test command: what .ci/run runs, and what runs this test",
			"mvn -B -q package -DskipTests", "builds the jar this test runs; mvn verify packaged it just before",
			"mvn -B test -Dtest=HistoryBenchmark( -D\\S+)*", "a benchmark of minutes, run by hand",
			"mvn -B -Pbench verify( -D\\S+)*", "the scan benchmark, minutes, run by hand",
			"docker (build|run) .*", "no Docker engine on the build machine; ImageTests check the Dockerfile",
			"kubectl .*", "no cluster; ManifestsTests and KustomizeBuildTests check the manifests",
			"cd k8s/base && kustomize edit set image \\S+",
			"edits the repository's k8s/base/kustomization.yaml; the manifest tests check its images");

	/** Unlabelled blocks that hold no command, by their first line. */
	private static final Map<String, String> NOT_COMMANDS = Map.of(
			"drift-policy.yml:6: exempt[1]", "an example of an error message",
			"consumer-drift could not start:", "an example of the configuration problems a scan prints",
			"src/main/java/ai/molecule/drift/", "the source tree");

	private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console");

	/** Blocks of documents, not commands: the policy example is used as the forge scans' policy. */
	private static final Set<String> DOCUMENTS = Set.of("yaml", "json", "markdown");

	private static final Pattern EXPORT = Pattern.compile("export ([A-Z][A-Z0-9_]*)=(.*)");

	private static final Pattern JAR = Pattern.compile(
			"(?:java -jar target/consumer-drift\\.jar|bin/consumer-drift)(?: (.*))?");

	private static final Pattern FOR = Pattern.compile("for \\w+ in ([\\w ]+); do (.+); done");

	private static final String ECHO_EXIT_CODE = "echo $?";

	private static final String TOKEN = "readme-t0ken-4a7b";

	private static final String ORG = "molecule-ai";

	private static final String T = "molecule-ai-workspace-template-";

	private static final String TRACKING = "runtime-tracking";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A Markdown link's target, {@code [text](target)} or {@code [text](<target>)}. */
	private static final Pattern LINK = Pattern.compile("\\]\\(<?([^)>\\s]+)>?\\)");

	private static final Pattern HEADING = Pattern.compile("#{1,6} (.+)");

	@TempDir
	static Path dir;

	private List<Block> blocks;

	private FakeGitea gitea;

	private FakeGitHub github;

	private final Set<Pattern> notRunUsed = new LinkedHashSet<>();

	@BeforeAll
	void startTheForges() {
		blocks = ReadmeBlocks.readAll();
		gitea = FakeGitea.start().requireToken(TOKEN);
		github = FakeGitHub.start().requireToken(TOKEN);
		Instant released = Instant.parse("2026-06-01T00:00:00Z");
		gitea.tag(ORG, "molecule-ai-workspace-runtime", "runtime-v1.0.0", released);
		github.tag(ORG, "molecule-ai-workspace-runtime", "runtime-v1.0.0", released);
		for (var repo : List.of(gitea.repo(ORG, T + "claude-code"), github.repo(ORG, T + "claude-code"),
				gitea.repo(ORG, "molecule-core"), github.repo(ORG, "molecule-core"))) {
			repo.file(".runtime-version", "1.0.0\n");
		}
		gitea.repo(ORG, T + "seo-agent").file("README.md", "prompts only");
		github.repo(ORG, T + "seo-agent").file("README.md", "prompts only");
		gitea.repo(ORG, TRACKING);
	}

	@AfterAll
	void stopTheForges() {
		gitea.close();
		github.close();
	}

	@TestFactory
	Stream<DynamicTest> everyCommandBlock() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Block block : blocks) {
			tests.add(DynamicTest.dynamicTest(block.where(), () -> check(block)));
		}
		tests.add(DynamicTest.dynamicTest("every entry of the not-run list matches a command of the documents", () -> {
			assertThat(notRunUsed).as("entries of NOT_RUN that no command of README.md or docs/*.md matches any more")
				.containsExactlyInAnyOrderElementsOf(NOT_RUN.keySet());
		}));
		return tests.stream();
	}

	/** Every relative link of the documents leads to a file, and a {@code #fragment} to a heading of it. */
	@TestFactory
	Stream<DynamicTest> everyLinkLeadsSomewhere() {
		return ReadmeBlocks.documents().stream().map(document -> DynamicTest.dynamicTest(
				"the links of " + ReadmeBlocks.name(document), () -> assertThat(brokenLinks(document))
					.as("links of " + ReadmeBlocks.name(document) + " to a missing file or heading").isEmpty()));
	}

	private static List<String> brokenLinks(Path document) throws IOException {
		List<String> broken = new ArrayList<>();
		Matcher link = LINK.matcher(String.join("\n", outsideCodeBlocks(document)));
		while (link.find()) {
			String target = link.group(1);
			if (target.matches("[a-z]+:.*")) {
				continue;
			}
			int hash = target.indexOf('#');
			String file = (hash < 0) ? target : target.substring(0, hash);
			Path to = file.isEmpty() ? document : document.resolveSibling(file).normalize();
			if (!Files.exists(to)) {
				broken.add(target + ": no such file");
			}
			else if (hash >= 0 && !anchors(to).contains(target.substring(hash + 1))) {
				broken.add(target + ": no such heading in " + to.getFileName());
			}
		}
		return broken;
	}

	/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, blanks as hyphens. */
	private static Set<String> anchors(Path document) throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		for (String line : outsideCodeBlocks(document)) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	private static List<String> outsideCodeBlocks(Path document) throws IOException {
		List<String> lines = new ArrayList<>();
		boolean inBlock = false;
		for (String line : Files.readAllLines(document)) {
			if (line.trim().startsWith("```")) {
				inBlock = !inBlock;
			}
			else if (!inBlock) {
				lines.add(line);
			}
		}
		return lines;
	}

	private void check(Block block) throws Exception {
		if (DOCUMENTS.contains(block.language())) {
			return;
		}
		if (block.language().isEmpty()) {
			String first = block.lines().isEmpty() ? "" : block.lines().get(0);
			if (NOT_COMMANDS.keySet().stream().anyMatch(first::startsWith)) {
				return;
			}
			fail(block.where() + ": an unlabelled block that this test does not know: label it sh if it holds "
					+ "commands (then this test runs them), or add its first line to NOT_COMMANDS with the reason");
		}
		if (!SHELL.contains(block.language())) {
			fail(block.where() + ": a block in a language this test does not know: add it to SHELL or DOCUMENTS");
		}
		List<Step> steps = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (Command command : ReadmeBlocks.commands(block)) {
			plan(command).ifPresentOrElse(steps::add, () -> unknown.add(command.where() + ": " + command.text()));
		}
		assertThat(unknown).as("commands that this test neither runs nor lists in NOT_RUN with a reason")
			.isEmpty();
		if (steps.stream().anyMatch(Step::runs)) {
			run(block, steps);
		}
	}

	/** What to do with a command line: run it (with what exit code), or nothing (every part of it is not run). */
	private Optional<Step> plan(Command command) {
		Optional<Pattern> whole = notRun(command.text());
		if (whole.isPresent()) {
			notRunUsed.add(whole.get());
			return Optional.of(new Step(command, null, 0));
		}
		List<String> parts = new ArrayList<>();
		int expected = 0;
		for (String part : command.text().split(" && ")) {
			Optional<Pattern> skipped = notRun(part.trim());
			if (skipped.isPresent()) {
				notRunUsed.add(skipped.get());
				parts.add(":");
				continue;
			}
			Optional<Integer> exit = expectedExit(part.trim());
			if (exit.isEmpty()) {
				return Optional.empty();
			}
			parts.add(part.trim());
			expected = exit.get();
		}
		return Optional.of(new Step(command, String.join(" && ", parts), expected));
	}

	/** The exit code a known command has here, or empty for a command this test does not know. */
	private static Optional<Integer> expectedExit(String part) {
		Matcher loop = FOR.matcher(part);
		if (loop.matches()) {
			return expectedExit(loop.group(2).trim());
		}
		Matcher jar = JAR.matcher(part);
		if (jar.matches()) {
			List<String> args = arguments(jar);
			// The demo fails on purpose: one of its repositories pins the runtime without being listed.
			return Optional.of(isScan(args) && args.contains("--demo") ? 1 : 0);
		}
		if (EXPORT.matcher(part).matches() || part.equals(ECHO_EXIT_CODE)) {
			return Optional.of(0);
		}
		return Optional.empty();
	}

	/** Whether the jar's arguments run a scan, the default command. */
	private static boolean isScan(List<String> args) {
		return args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("scan").equals("scan");
	}

	private static List<String> arguments(Matcher jar) {
		return (jar.group(1) == null) ? List.of() : List.of(jar.group(1).trim().split("\\s+"));
	}

	private static Optional<Pattern> notRun(String text) {
		return NOT_RUN.keySet().stream().filter(p -> p.matcher(text).matches()).findFirst();
	}

	/** Runs the block's steps with bash, one after another in one shell, and checks each one's exit code. */
	private void run(Block block, List<Step> steps) throws Exception {
		Path work = Files.createDirectories(dir.resolve("block-" + block.file().replaceAll("\\W", "-") + "-" + block.line()));
		Files.createDirectories(work.resolve("target"));
		Path jar = Files.createSymbolicLink(work.resolve("target/consumer-drift.jar"), JarProcess.jar());
		// bin/consumer-drift as shipped, over what mvn package prepared beside the jar.
		Path extracted = Files.createSymbolicLink(work.resolve("target/consumer-drift"),
				JarProcess.jar().resolveSibling("consumer-drift"));
		Files.createDirectories(work.resolve("bin"));
		Files.copy(JarProcess.launcher(), work.resolve("bin/consumer-drift"), StandardCopyOption.COPY_ATTRIBUTES);
		try {
			runIn(work, block, steps);
		}
		finally {
			Files.delete(jar);
			Files.delete(extracted);
		}
	}

	private void runIn(Path work, Block block, List<Step> steps) throws Exception {
		Path results = Files.createDirectories(work.resolve(".readme"));

		Map<String, String> environment = new LinkedHashMap<>();
		Map<String, Supplier<String>> local = localValues(block, steps, work, environment);
		StringBuilder script = new StringBuilder();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (!step.runs()) {
				continue;
			}
			script.append("{ ").append(localised(step.script(), local)).append("\n} >.readme/").append(i)
				.append(".out 2>.readme/").append(i).append(".err; __rc=$?; echo \"").append(i)
				.append(" $__rc\" >>.readme/exit-codes; (exit $__rc)\n");
		}
		Files.writeString(work.resolve(".readme/script.sh"), script);

		ProcessBuilder bash = new ProcessBuilder("bash", ".readme/script.sh").directory(work.toFile());
		JarProcess.clean(bash.environment());
		bash.environment().putAll(environment);
		bash.environment().put("PATH", JarProcess.java().getParent() + ":" + System.getenv("PATH"));
		int giteaRequests = gitea.requests().size();
		int githubRequests = github.requests().size();
		Result result = JarProcess.run(bash, work, block.where());
		assertThat(results.resolve("exit-codes")).as("the commands did not run: " + result.describe()).exists();

		Map<Integer, Integer> exitCodes = new LinkedHashMap<>();
		for (String line : Files.readAllLines(results.resolve("exit-codes"))) {
			String[] fields = line.split(" ");
			exitCodes.put(Integer.valueOf(fields[0]), Integer.valueOf(fields[1]));
		}
		Path reports = work.toRealPath().resolve("reports");
		Integer previous = null;
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (!step.runs()) {
				continue;
			}
			String out = Files.readString(results.resolve(i + ".out"));
			String err = Files.readString(results.resolve(i + ".err"));
			String what = step.command().where() + ": " + step.command().text() + "\n--- stdout:\n" + out
					+ "\n--- stderr:\n" + err;
			assertThat(exitCodes.get(i)).as("exit code of " + what).isEqualTo(step.expectedExit());
			assertThat(err).as(what).doesNotContain("\tat ");
			if (step.command().text().equals(ECHO_EXIT_CODE)) {
				assertThat(out.trim()).as(what).isEqualTo(String.valueOf(previous));
			}
			if (step.scans() > 0) {
				assertThat(out.lines().filter(line -> line.startsWith("Run "))).as("the result line of each scan: " + what)
					.hasSize(step.scans())
					.allMatch(line -> line.startsWith("Run " + (step.expectedExit() == 0 ? "PASS" : "FAIL") + " (exit "
							+ step.expectedExit() + "). Reports: " + reports.resolve("drift-report.html")));
			}
			if (step.command().text().contains("--format json")) {
				assertThat(JSON.readTree(out).isContainer()).as(what).isTrue();
			}
			previous = exitCodes.get(i);
		}
		if (environment.containsKey("DRIFT_FORGE_BASE_URL")) {
			boolean onGitHub = environment.get("DRIFT_FORGE_BASE_URL").equals(github.baseUrl().toString());
			assertThat(onGitHub ? github.requests().size() - githubRequests : gitea.requests().size() - giteaRequests)
				.as("requests to the fake forge from " + block.where())
				.isPositive();
			checkWhatWasWritten(block, local);
		}
	}

	/**
	 * The local stand-ins for what the block points at, by variable name, and the environment a reader who has
	 * followed the README so far would have: a block that scans a forge without naming one gets the fake's address
	 * and token, as set up under "Running it against a forge" (on GitHub, the fake stands in for api.github.com).
	 */
	private Map<String, Supplier<String>> localValues(Block block, List<Step> steps, Path work,
			Map<String, String> environment) throws IOException {
		String text = String.join("\n", block.lines());
		boolean onGitHub = text.contains("export DRIFT_FORGE_TYPE=github");
		String forge = (onGitHub ? github.baseUrl() : gitea.baseUrl()).toString();
		Map<String, Supplier<String>> local = new LinkedHashMap<>();
		local.put("DRIFT_FORGE_BASE_URL", () -> forge);
		local.put("DRIFT_FORGE_TOKEN", () -> TOKEN);
		local.put("GITEA_TOKEN", () -> TOKEN);
		local.put("GITHUB_TOKEN", () -> TOKEN);
		local.put("DRIFT_POLICY_FILE", () -> work.resolve("drift-policy.yml").toString());
		if (text.contains("export SPRING_DATASOURCE_URL=jdbc:postgresql:")) {
			PostgresServer.requireInstalled();
			PostgresServer postgres = PostgresServer.get();
			String url = postgres.createDatabase("consumer_drift_readme");
			local.put("SPRING_DATASOURCE_URL", () -> url);
			local.put("SPRING_DATASOURCE_USERNAME", postgres::username);
			local.put("SPRING_DATASOURCE_PASSWORD", () -> "");
		}
		if (steps.stream().filter(Step::runs).anyMatch(Step::scansAForge)) {
			Files.writeString(work.resolve("drift-policy.yml"), policyExample());
			environment.put("DRIFT_FORGE_BASE_URL", forge);
			environment.put(onGitHub ? "GITHUB_TOKEN" : "DRIFT_FORGE_TOKEN", TOKEN);
		}
		return local;
	}

	/** The command with the values of the variables it exports that have a local stand-in replaced. */
	private static String localised(String command, Map<String, Supplier<String>> local) {
		Matcher export = EXPORT.matcher(command);
		if (export.matches() && local.containsKey(export.group(1))) {
			return "export " + export.group(1) + "='" + local.get(export.group(1)).get() + "'";
		}
		return command;
	}

	/** The README's example policy file, which the forge scans here use (and so check). */
	private String policyExample() {
		return blocks.stream()
			.filter(b -> b.language().equals("yaml") && !b.lines().isEmpty() && b.lines().get(0).startsWith("consumers:"))
			.findFirst()
			.map(b -> String.join("\n", b.lines()) + "\n")
			.orElseThrow(() -> new AssertionError("README.md has no example policy file (a yaml block of consumers:)"));
	}

	/** After a block that scanned a forge: the issue it published, the runs it wrote to PostgreSQL. */
	private void checkWhatWasWritten(Block block, Map<String, Supplier<String>> local) throws Exception {
		String text = String.join("\n", block.lines());
		Matcher publish = Pattern.compile("export DRIFT_PUBLISH_ISSUE_REPO=([\\w.-]+)/([\\w.-]+)").matcher(text);
		if (publish.find()) {
			List<FakeIssues.Issue> issues = gitea.issues(publish.group(1), publish.group(2)).issues();
			assertThat(issues).as("the issue " + block.where() + " publishes").singleElement()
				.satisfies(issue -> assertThat(issue.body()).contains("<!-- consumer-drift:report org=" + ORG + " -->"));
		}
		if (local.containsKey("SPRING_DATASOURCE_URL")) {
			try (Connection db = DriverManager.getConnection(local.get("SPRING_DATASOURCE_URL").get(),
					local.get("SPRING_DATASOURCE_USERNAME").get(), "");
					ResultSet runs = db.createStatement().executeQuery("select status from drift_run")) {
				assertThat(runs.next()).as("a run in PostgreSQL after " + block.where()).isTrue();
				assertThat(runs.getString(1)).isEqualTo("pass");
			}
		}
	}

	private static Map<Pattern, String> notRun(String... patternsAndReasons) {
		Map<Pattern, String> notRun = new LinkedHashMap<>();
		for (int i = 0; i < patternsAndReasons.length; i += 2) {
			notRun.put(Pattern.compile(patternsAndReasons[i], Pattern.DOTALL), patternsAndReasons[i + 1]);
		}
		return notRun;
	}

	/** A command line: the script that runs it ({@code null}: not run) and the exit code it must have. */
	private record Step(Command command, String script, int expectedExit) {

		boolean runs() {
			return script != null;
		}

		/** Runs the jar on a forge (not the demo). */
		boolean scansAForge() {
			return scans() > 0 && !jarArguments().contains("--demo");
		}

		/** How many scans the line runs (a loop runs one per item). */
		int scans() {
			List<String> args = jarArguments();
			if (args == null || !isScan(args)) {
				return 0;
			}
			Matcher loop = FOR.matcher(script);
			return loop.matches() ? loop.group(1).trim().split("\\s+").length : 1;
		}

		/** The arguments of the jar this line runs, or null when it runs no jar. */
		private List<String> jarArguments() {
			String last = script.contains(" && ") ? script.substring(script.lastIndexOf(" && ") + 4) : script;
			Matcher loop = FOR.matcher(last);
			Matcher jar = JAR.matcher(loop.matches() ? loop.group(2).trim() : last);
			return jar.matches() ? arguments(jar) : null;
		}
	}
}
