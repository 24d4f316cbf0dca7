package ai.molecule.drift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every history query, in every {@code --format} and with and without each of its options, run through
 * {@link Cli#run} on standard output and standard error as {@code java -jar} runs it, over an H2 file
 * history of four real scans of the demo org: a pin that changes, an error run (its SSOT cannot be
 * resolved), a new release, and the demo's pin on a release that never existed. Each command line must
 * exit 0 and print only a well-formed document (JSON array with the columns of the help, CSV rows as wide
 * as the header, table columns aligned); notes go to standard error.
 */
@ExtendWith(OutputCaptureExtension.class)
class HistoryCommandMatrixTests {

	private static final String T = DemoOrg.REPO_PREFIX;

	private static final String LANGGRAPH = T + "langgraph";

	/** Differs from {@link #LANGGRAPH} only in case. */
	private static final String LANGGRAPH_SHOUTED = LANGGRAPH.toUpperCase(Locale.ROOT);

	private static final String NEVER_EXISTED = T + "never-existed";

	private static final String NEW_RELEASE = "0.3.28";

	private static final String FUTURE = "2099-01-01";

	private static final List<String> REPO_COLUMNS = List.of("runId", "startedAt", "runStatus", "ssot",
			"classification", "archived", "pin", "lagReleases", "lagDays", "lagLevel", "state", "findings",
			"contracts");

	private static final List<String> TREND_COLUMNS = List.of("runId", "startedAt", "status", "ssot", "repos",
			"enumerated", "exempt", "unlistedPinned", "clean", "unknown", "behind", "medianLagReleases",
			"maxLagReleases", "medianLagDays", "maxLagDays");

	private static final List<String> WORST_COLUMNS = List.of("rank", "repo", "classification", "pin", "lagReleases",
			"lagDays", "lagLevel", "behindSince", "behindDays", "lastKnown");

	private static final List<String> SYNC_JSON_COLUMNS = List.of("release", "publishedAt", "historyStartsLater",
			"synced", "pending", "medianDays", "p90Days", "consumers");

	private static final List<String> SYNC_CONSUMER_JSON_COLUMNS = List.of("consumer", "status", "days", "runId",
			"seenAt", "pin", "toProposalDays", "proposalToSyncDays");

	private static final List<String> SYNC_CSV_COLUMNS = List.of("release", "publishedAt", "historyStartsLater",
			"medianDays", "p90Days", "consumer", "status", "days", "runId", "seenAt", "pin", "toProposalDays",
			"proposalToSyncDays");

	private static final List<String> SYNC_TABLE_COLUMNS = List.of("consumer", "status", "days", "run", "seen", "pin",
			"toProposal", "proposalToSync");

	/** The enumerated consumers of the demo's policy, each a row of every release in time-to-sync. */
	private static final int CONSUMERS = 11;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	private static DemoOrg demo;

	/** What every command line carries, scan or query: the history database and the forge. */
	private static List<String> settings;

	/**
	 * Four scans, all exiting as they should: 1 the demo as built (langgraph pins 0.3.11); 2 langgraph moved to
	 * 0.3.20; 3 an error run whose SSOT repository does not exist; 4 the runtime releases 0.3.28, langgraph pins
	 * it and claude-code falls back to 0.3.5 (behind since this run only).
	 */
	@BeforeAll
	static void givenFourScansOfTheDemoOrg() throws Exception {
		demo = DemoOrg.create(dir.resolve("demo"));
		settings = List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("history/consumer-drift"),
				"--drift.forge.type=local", "--drift.forge.root=" + demo.root());
		scan(1);
		pin("langgraph", "0.3.20");
		scan(1);
		scan(2, "--drift.ssot.repo=" + DemoOrg.SSOT_REPO + "-gone");
		release(NEW_RELEASE);
		pin("langgraph", NEW_RELEASE);
		pin("claude-code", "0.3.5");
		scan(1);
	}

	private static void scan(int exit, String... more) {
		List<String> args = new ArrayList<>(List.of("scan", "--drift.policy-file=" + demo.policyFile(),
				"--drift.report.dir=" + dir.resolve("reports")));
		args.addAll(settings);
		args.addAll(List.of(more));
		assertThat(Cli.run(args, System.out, System.err, Map.of())).as(String.join(" ", args))
			.isEqualTo(exit);
	}

	private static void pin(String template, String version) throws IOException {
		Files.writeString(demo.root().resolve(T + template).resolve(".runtime-version"), version + "\n");
	}

	/**
	 * Tags a new runtime release, as the release job would, published at the next whole second and only once
	 * that second has come: git keeps whole seconds, and a date cut down to one could fall before the first
	 * run when the scans before it all ran within the same second.
	 */
	private static void release(String version) throws Exception {
		Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), published).toMillis()) + 20);
		Path runtime = demo.root().resolve(DemoOrg.SSOT_REPO);
		try (Git git = Git.open(runtime.toFile())) {
			Files.writeString(runtime.resolve("pyproject.toml"), "[project]\nversion = \"" + version + "\"\n");
			git.add().addFilepattern(".").call();
			PersonIdent bot = new PersonIdent("Release Bot", "release-bot@example.com", published, ZoneOffset.UTC);
			RevCommit commit = git.commit()
				.setMessage("Release " + version)
				.setAuthor(bot)
				.setCommitter(bot)
				.setSign(false)
				.setNoVerify(true)
				.call();
			git.tag()
				.setName(DemoOrg.TAG_PREFIX + version)
				.setObjectId(commit)
				.setAnnotated(true)
				.setMessage("Release " + version)
				.setTagger(bot)
				.setSigned(false)
				.call();
		}
	}

	/**
	 * One command line of the matrix.
	 *
	 * @param words the query and its options, without the settings
	 * @param format the {@code --format} given, or {@code null} for the default (table)
	 * @param rows how many rows the document holds (releases for time-to-sync); 0 for an empty document
	 * @param note what standard error says about an empty document, or {@code null} when it must say nothing
	 */
	record CommandLine(List<String> words, String format, int rows, String note) {

		String query() {
			return words.get(0);
		}

		String effectiveFormat() {
			return (format != null) ? format : "table";
		}

		List<String> args() {
			List<String> args = new ArrayList<>(List.of("history"));
			args.addAll(words);
			if (format != null) {
				// Both spellings picocli accepts, one format each.
				args.addAll(format.equals("csv") ? List.of("--format=csv") : List.of("--format", format));
			}
			args.addAll(settings);
			return args;
		}

		@Override
		public String toString() {
			List<String> shown = new ArrayList<>(List.of("history"));
			shown.addAll(words);
			if (format != null) {
				shown.add("--format " + format);
			}
			return String.join(" ", shown);
		}
	}

	static Stream<CommandLine> matrix() {
		List<CommandLine> lines = new ArrayList<>();
		String notScanned = "No complete run of molecule-ai scanned that repository";
		// Every option on a repository with history; the other names with and without --since.
		for (List<String> since : List.of(List.<String>of(), List.of("--since", "90d"), List.of("--since", "2026-01-01"),
				List.of("--since", FUTURE), List.of("--demo"))) {
			boolean empty = since.contains(FUTURE);
			addFormats(lines, concat(List.of("repo", LANGGRAPH), since), empty ? 0 : 4, empty ? notScanned : null);
		}
		addFormats(lines, List.of("repo", LANGGRAPH_SHOUTED), 4, null);
		addFormats(lines, List.of("repo", LANGGRAPH_SHOUTED, "--since", "90d"), 4, null);
		addFormats(lines, List.of("repo", NEVER_EXISTED), 0, notScanned);
		addFormats(lines, List.of("repo", NEVER_EXISTED, "--since", "2026-01-01"), 0, notScanned);
		for (List<String> since : List.of(List.<String>of(), List.of("--since", "90d"), List.of("--since", "2026-01-01"),
				List.of("--since", FUTURE), List.of("--demo"))) {
			boolean empty = since.contains(FUTURE);
			addFormats(lines, concat(List.of("trend"), since), empty ? 0 : 4,
					empty ? "No complete run of molecule-ai on local is recorded since then." : null);
		}
		addFormats(lines, List.of("time-to-sync"), 2, null);
		addFormats(lines, List.of("time-to-sync", "--release", NEW_RELEASE), 1, null);
		addFormats(lines, List.of("time-to-sync", "--release", "0.3.11"), 1, null);
		addFormats(lines, List.of("time-to-sync", "--release", "9.9.9"), 0,
				"No complete run of molecule-ai knew release 9.9.9.");
		addFormats(lines, List.of("time-to-sync", "--demo"), 2, null);
		// Behind in run 4: google-adk, crewai, claude-code, browser-use, smolagents, molecule-core, autogen,
		// deepagents and openhands (autogpt is archived).
		addFormats(lines, List.of("worst"), 9, null);
		addFormats(lines, List.of("worst", "--limit", "3"), 3, null);
		addFormats(lines, List.of("worst", "--by", "lag"), 9, null);
		addFormats(lines, List.of("worst", "--by", "age"), 9, null);
		addFormats(lines, List.of("worst", "--limit", "4", "--by=age"), 4, null);
		addFormats(lines, List.of("worst", "--demo"), 9, null);
		return lines.stream();
	}

	private static void addFormats(List<CommandLine> lines, List<String> words, int rows, String note) {
		for (String format : new String[] { null, "table", "csv", "json" }) {
			lines.add(new CommandLine(words, format, rows, note));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void everyCommandLinePrintsOnlyAWellFormedDocument(CommandLine line, CapturedOutput output) {
		Printed printed = run(line.args(), output);

		assertThat(printed.exit).as("exit code of %s; standard error: %s", line, printed.err).isZero();
		assertThat(printed.err).as("standard error of %s", line)
			.doesNotContain("internal error", "could not", "Exception");
		if (line.note() != null) {
			assertThat(printed.err).as("note on standard error of %s", line).contains(line.note());
		}
		else {
			assertThat(printed.err).as("standard error of %s", line).doesNotContain("No complete run");
		}
		assertThat(printed.out).as("standard output of %s", line).endsWith("\n").doesNotContain(" INFO ", " WARN ");
		switch (line.effectiveFormat()) {
			case "json" -> checkJson(line, printed.out);
			case "csv" -> checkCsv(line, printed.out);
			default -> checkTable(line, printed.out);
		}
	}

	private static void checkJson(CommandLine line, String out) {
		JsonNode document = JSON.readTree(out);
		assertThat(document.isArray()).as("JSON of %s is an array: %s", line, out).isTrue();
		assertThat(document.size()).as("JSON rows of %s", line).isEqualTo(line.rows());
		boolean sync = line.query().equals("time-to-sync");
		for (JsonNode row : document) {
			assertThat(row.propertyNames()).as("JSON fields of %s", line).containsExactlyElementsOf(columns(line, "json"));
			if (sync) {
				assertThat(row.get("consumers").size()).as("consumers in JSON of %s", line).isEqualTo(CONSUMERS);
				for (JsonNode consumer : row.get("consumers")) {
					assertThat(consumer.propertyNames()).as("consumer fields in JSON of %s", line)
						.containsExactlyElementsOf(SYNC_CONSUMER_JSON_COLUMNS);
				}
			}
		}
	}

	private static void checkCsv(CommandLine line, String out) {
		List<List<String>> records = csv(out);
		assertThat(records.get(0)).as("CSV header of %s", line).containsExactlyElementsOf(columns(line, "csv"));
		int perRow = line.query().equals("time-to-sync") ? CONSUMERS : 1;
		assertThat(records).as("CSV records of %s", line).hasSize(1 + line.rows() * perRow);
		for (int i = 1; i < records.size(); i++) {
			assertThat(records.get(i)).as("CSV record %d of %s: %s", i, line, records.get(i))
				.hasSameSizeAs(records.get(0));
		}
	}

	private static void checkTable(CommandLine line, String out) {
		List<String> lines = out.lines().toList();
		if (line.rows() == 0) {
			assertThat(out).as("empty table of %s", line)
				.isEqualTo(line.query().equals("time-to-sync") ? "No release matches.\n" : "No complete run matches.\n");
			return;
		}
		if (!line.query().equals("time-to-sync")) {
			assertThat(lines).as("table lines of %s", line).hasSize(1 + line.rows());
			assertAligned(line, lines, columns(line, "table"));
			return;
		}
		// One block per release: a sentence, perhaps a remark, then the table of its consumers.
		List<String> blocks = List.of(out.split("\n\n"));
		assertThat(blocks).as("releases in the table of %s", line).hasSize(line.rows());
		for (String block : blocks) {
			List<String> blockLines = block.lines().toList();
			assertThat(blockLines.get(0)).as("release line of %s", line)
				.matches("0\\.3\\.\\d+ published \\d{4}-\\d\\d-\\d\\d: \\d+ of 11 synced, median .+, p90 .+");
			List<String> table = blockLines.stream().dropWhile((l) -> !l.startsWith("consumer ")).toList();
			assertThat(table).as("consumer table of %s", line).hasSize(1 + CONSUMERS);
			assertAligned(line, table, SYNC_TABLE_COLUMNS);
		}
	}

	/** Each column starts at the same offset on every line, two spaces after the previous one. */
	private static void assertAligned(CommandLine line, List<String> lines, List<String> columns) {
		String header = lines.get(0);
		assertThat(header.split(" +")).as("table header of %s", line).containsExactlyElementsOf(columns);
		List<Integer> starts = new ArrayList<>();
		for (int i = 0; i < header.length(); i++) {
			if (header.charAt(i) != ' ' && (i == 0 || header.charAt(i - 1) == ' ')) {
				starts.add(i);
			}
		}
		for (String text : lines) {
			for (int start : starts) {
				assertThat(text.length()).as("line of %s too short for column at %d: '%s'", line, start, text)
					.isGreaterThan(start);
				assertThat(text.charAt(start)).as("column at %d of %s: '%s'", start, line, text).isNotEqualTo(' ');
				if (start > 0) {
					assertThat(text.substring(start - 2, start)).as("gap before column at %d of %s: '%s'", start, line,
							text).isEqualTo("  ");
				}
			}
		}
	}

	private static List<String> columns(CommandLine line, String format) {
		return switch (line.query()) {
			case "repo" -> REPO_COLUMNS;
			case "trend" -> TREND_COLUMNS;
			case "worst" -> WORST_COLUMNS;
			default -> switch (format) {
				case "json" -> SYNC_JSON_COLUMNS;
				case "csv" -> SYNC_CSV_COLUMNS;
				default -> SYNC_TABLE_COLUMNS;
			};
		};
	}

	@Test
	void everyColumnIsListedInItsQuerysHelp(CapturedOutput output) {
		for (List<Object> query : List.<List<Object>>of(List.of("repo", REPO_COLUMNS), List.of("trend", TREND_COLUMNS),
				List.of("worst", WORST_COLUMNS))) {
			Printed help = run(List.of("history", (String) query.get(0), "--help"), output);
			assertThat(help.exit).isZero();
			String text = help.out.replaceAll("\\s+", " ");
			@SuppressWarnings("unchecked")
			List<String> columns = (List<String>) query.get(1);
			for (String column : columns) {
				assertThat(text).as("help of history %s", query.get(0)).containsPattern("\\b" + column + "\\b");
			}
		}
	}

	@Test
	void repoShowsThePinThatChangedAndTheErrorRunUnmeasured(CapturedOutput output) {
		JsonNode runs = json(output, "repo", LANGGRAPH, "--format", "json");
		assertThat(runs.valueStream().map((r) -> r.get("pin").asString())).containsExactly("0.3.11", "0.3.20",
				"0.3.20", NEW_RELEASE);
		assertThat(runs.valueStream().map((r) -> r.get("runStatus").asString())).containsExactly("fail", "fail",
				"error", "fail");
		assertThat(runs.valueStream().map((r) -> r.get("state").asString())).containsExactly("behind", "behind",
				"unmeasured", "in-sync");
		JsonNode error = runs.get(2);
		assertThat(error.get("ssot").isNull()).isTrue();
		assertThat(error.get("lagReleases").isNull()).isTrue();
		assertThat(error.get("lagDays").isNull()).isTrue();
		assertThat(runs.get(0).get("lagReleases").asInt()).isEqualTo(16);
		assertThat(runs.get(3).get("ssot").asString()).isEqualTo(NEW_RELEASE);

		List<List<String>> csv = csv(run(query("repo", LANGGRAPH, "--format", "csv"), output).out);
		List<String> errorRow = csv.get(3);
		assertThat(List.of(errorRow.get(2), errorRow.get(3), errorRow.get(6), errorRow.get(7), errorRow.get(8),
				errorRow.get(10))).containsExactly("error", "", "0.3.20", "", "", "unmeasured");
		List<String> table = run(query("repo", LANGGRAPH), output).out.lines().toList();
		assertThat(List.of(tableCell(table, 3, "runStatus"), tableCell(table, 3, "ssot"), tableCell(table, 3, "pin"),
				tableCell(table, 3, "lagReleases"), tableCell(table, 3, "lagDays"), tableCell(table, 3, "state")))
			.containsExactly("error", "-", "0.3.20", "-", "-", "unmeasured");
		assertThat(tableCell(table, 1, "pin")).isEqualTo("0.3.11");
		assertThat(tableCell(table, 1, "findings")).isEqualTo("pin-drift lag-exceeded contract-drift");
		assertThat(tableCell(table, 1, "contracts")).isEqualTo("contracts/provider_registry.py=drift");

		// A name that differs only in case is the same repository (the matrix counts its rows in every format).
		for (String format : List.of("csv", "json")) {
			assertThat(run(query("repo", LANGGRAPH_SHOUTED, "--format", format), output).out)
				.isEqualTo(run(query("repo", LANGGRAPH, "--format", format), output).out);
		}
	}

	@Test
	void aPinOnAReleaseThatNeverExistedIsBehindWithoutLagDays(CapturedOutput output) {
		JsonNode runs = json(output, "repo", T + "google-adk", "--format", "json");
		assertThat(runs).hasSize(4);
		JsonNode last = runs.get(3);
		assertThat(last.get("pin").asString()).isEqualTo("0.2.5");
		assertThat(last.get("state").asString()).isEqualTo("behind");
		assertThat(last.get("lagDays").isNull()).isTrue();
		assertThat(last.get("findings").valueStream().map(JsonNode::asString)).contains("unknown-version");
	}

	@Test
	void trendShowsTheErrorRunWithoutLagFigures(CapturedOutput output) {
		JsonNode runs = json(output, "trend", "--format", "json");
		assertThat(runs.valueStream().map((r) -> r.get("status").asString())).containsExactly("fail", "fail", "error",
				"fail");
		assertThat(runs.valueStream().map((r) -> r.get("ssot").isNull() ? null : r.get("ssot").asString())).containsExactly("0.3.27", "0.3.27",
				null, NEW_RELEASE);
		JsonNode error = runs.get(2);
		for (String figure : List.of("behind", "medianLagReleases", "maxLagReleases", "medianLagDays", "maxLagDays")) {
			assertThat(error.get(figure).isNull()).as(figure).isTrue();
		}
		assertThat(runs.get(0).get("behind").asInt()).isEqualTo(7);
		assertThat(runs.get(3).get("behind").asInt()).isEqualTo(10);
	}

	@Test
	void emptyAnswersAreEmptyDocumentsWithANoteOnStandardError(CapturedOutput output) {
		Printed unknownRelease = run(query("time-to-sync", "--release", "9.9.9", "--format", "json"), output);
		assertThat(unknownRelease.out).isEqualTo("[ ]\n");
		assertThat(unknownRelease.err).contains("No complete run of molecule-ai knew release 9.9.9.");
		Printed neverExisted = run(query("repo", NEVER_EXISTED, "--format", "json"), output);
		assertThat(neverExisted.out).isEqualTo("[ ]\n");
		assertThat(neverExisted.err).contains("No complete run of molecule-ai scanned that repository.");
		Printed csv = run(query("repo", NEVER_EXISTED, "--format", "csv"), output);
		assertThat(csv.out).isEqualTo(String.join(",", REPO_COLUMNS) + "\n");
		Printed future = run(query("repo", LANGGRAPH, "--since", FUTURE), output);
		assertThat(future.out).isEqualTo("No complete run matches.\n");
		assertThat(future.err).contains("scanned that repository since 2099-01-01T00:00:00Z.");
	}

	@Test
	void timeToSyncCountsTheConsumersThatPinnedTheNewRelease(CapturedOutput output) {
		JsonNode release = json(output, "time-to-sync", "--release", NEW_RELEASE, "--format", "json").get(0);
		assertThat(release.get("release").asString()).isEqualTo(NEW_RELEASE);
		assertThat(release.get("historyStartsLater").asBoolean()).isFalse();
		assertThat(release.get("synced").asInt()).isEqualTo(2);
		assertThat(release.get("pending").asInt()).isEqualTo(9);
		assertThat(release.get("consumers").valueStream().filter((c) -> c.get("status").asString().equals("synced"))
			.map((c) -> c.get("consumer").asString() + " " + c.get("pin").asString()))
			.containsExactly(T + "gemini-cli 0.4.0", LANGGRAPH + " " + NEW_RELEASE);

		JsonNode old = json(output, "time-to-sync", "--release", "0.3.11", "--format", "json").get(0);
		assertThat(old.get("publishedAt").asString()).isEqualTo("2026-04-30T12:00:00Z");
		assertThat(old.get("historyStartsLater").asBoolean()).isTrue();
		assertThat(json(output, "time-to-sync", "--format", "json").valueStream().map((r) -> r.get("release").asString()))
			.containsExactly(NEW_RELEASE, "0.3.27");
	}

	@Test
	void worstRanksByLagOrByHowLongBehind(CapturedOutput output) {
		List<String> byLag = json(output, "worst", "--format", "json").valueStream()
			.map((r) -> r.get("repo").asString())
			.toList();
		assertThat(byLag.subList(0, 3)).containsExactly(T + "google-adk", T + "crewai", T + "claude-code");
		// claude-code fell behind in the last run only, the others in the first: behind since then, though for
		// 0 whole days each, so that ranking by age falls back on the lag.
		List<String> startedAt = json(output, "trend", "--format", "json").valueStream()
			.map((r) -> r.get("startedAt").asString())
			.toList();
		JsonNode byAgeRows = json(output, "worst", "--by", "age", "--format", "json");
		assertThat(byAgeRows.valueStream()
			.map((r) -> r.get("repo").asString().replace(T, "") + " " + r.get("behindSince").asString()))
			.contains("google-adk " + startedAt.get(0), "crewai " + startedAt.get(0),
					"claude-code " + startedAt.get(3));
		assertThat(byAgeRows.valueStream().map((r) -> r.get("behindDays").asInt())).containsOnly(0);
		assertThat(byAgeRows.valueStream().map((r) -> r.get("repo").asString())).containsExactlyElementsOf(byLag);
		assertThat(json(output, "worst", "--limit", "2", "--format", "json").valueStream()
			.map((r) -> r.get("rank").asInt())).containsExactly(1, 2);
	}

	/** The cell of an aligned table under the header's {@code column}; the row counts the header as 0. */
	private static String tableCell(List<String> table, int row, String column) {
		String header = table.get(0);
		int start = (" " + header + " ").indexOf(" " + column + " ");
		int next = start + column.length();
		while (next < header.length() && header.charAt(next) == ' ') {
			next++;
		}
		String line = table.get(row);
		return line.substring(start, (next < header.length()) ? next : line.length()).strip();
	}

	private static List<String> query(String... words) {
		return concat(concat(List.of("history"), List.of(words)), settings);
	}

	private static JsonNode json(CapturedOutput output, String... words) {
		Printed printed = run(query(words), output);
		assertThat(printed.exit).as(String.join(" ", words)).isZero();
		return JSON.readTree(printed.out);
	}

	/** What one command line printed on the process's standard output and error. */
	private record Printed(int exit, String out, String err) {
	}

	/** Runs on the process's own streams, as {@code java -jar} does, so that a stray log line would show. */
	private static Printed run(List<String> args, CapturedOutput output) {
		int outBefore = output.getOut().length();
		int errBefore = output.getErr().length();
		int exit = Cli.run(args, System.out, System.err, Map.of());
		System.out.flush();
		System.err.flush();
		return new Printed(exit, output.getOut().substring(outBefore), output.getErr().substring(errBefore));
	}

	/** RFC 4180: fields separated by commas, quoted when they hold a comma, a quote or a line break. */
	static List<List<String>> csv(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		assertThat(quoted).as("unterminated quoted CSV field").isFalse();
		if (!field.isEmpty() || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

	private static <E> List<E> concat(List<E> a, List<E> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}
}
