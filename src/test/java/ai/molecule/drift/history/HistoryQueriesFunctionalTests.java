package ai.molecule.drift.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.lag.Version;

import static ai.molecule.drift.history.HistoryScenario.ALPHA;
import static ai.molecule.drift.history.HistoryScenario.BRAVO;
import static ai.molecule.drift.history.HistoryScenario.CHARLIE;
import static ai.molecule.drift.history.HistoryScenario.DELTA;
import static ai.molecule.drift.history.HistoryScenario.ECHO;
import static ai.molecule.drift.history.HistoryScenario.night;
import static ai.molecule.drift.history.HistoryScenario.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The four history queries on a history built by six real scans ({@link HistoryScenario}); run on H2
 * and on PostgreSQL by the subclasses. Given the scans, when a query runs, then its rows are the
 * hand-computed ones.
 */
@SpringBatchTest
@SpringBootTest(classes = { ConsumerDriftApplication.class, TestClock.Configuration.class },
		properties = { "drift.forge.type=gitea", "drift.forge.max-attempts=2", "drift.forge.retry-base-delay=5ms",
				"drift.forge.retry-max-delay=20ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HistoryQueriesFunctionalTests {

	static final FakeGitea gitea = FakeGitea.start();

	static final Path dir = HistoryTestFiles.tempDir("history-tests");

	static final HistoryScope SCOPE = new HistoryScope(HistoryScenario.ORG, "gitea", HistoryScenario.T);

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	TestClock clock;

	@Autowired
	RunStore store;

	@Autowired
	HistoryQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	HistoryScenario history;

	@DynamicPropertySource
	static void forge(DynamicPropertyRegistry registry) {
		registry.add("drift.forge.base-url", () -> gitea.baseUrl().toString());
		registry.add("drift.policy-file", () -> dir.resolve("drift-policy.yml").toString());
		registry.add("drift.report.dir", () -> dir.resolve("reports").toString());
	}

	@BeforeAll
	void givenSixNightlyScans() throws Exception {
		history = new HistoryScenario(gitea, jobs, clock, store, dir).build();
	}

	@AfterAll
	void removeReports() throws Exception {
		HistoryTestFiles.delete(dir.resolve("reports"));
		Files.deleteIfExists(dir.resolve("drift-policy.yml"));
	}

	long run(int n) {
		return history.runIds.get(n - 1);
	}

	@Test
	void repoHistoryHasOneRowPerCompleteRunAndShowsTheUnreadableRunAsUnreadable() {
		List<RepoRun> rows = queries.repo(SCOPE, ALPHA, HistorySql.EPOCH);

		assertThat(rows).extracting(RepoRun::runId, RepoRun::startedAt, RepoRun::runStatus, RepoRun::ssot,
				RepoRun::classification, RepoRun::pin, RepoRun::lagReleases, RepoRun::lagDays, RepoRun::state)
			.containsExactly(tuple(run(1), night(1), "pass", "0.3.25", "enumerated", "0.3.24", 1, 2L, "behind"),
					tuple(run(2), night(2), "pass", "0.3.26", "enumerated", "0.3.24", 2, 11L, "behind"),
					tuple(run(3), night(3), "fail", "0.3.26", "enumerated", "0.3.26", 0, 0L, "in-sync"),
					tuple(run(4), night(4), "error", "0.3.27", "enumerated", null, null, null, "unreadable"),
					tuple(run(5), night(5), "pass", "0.3.27", "enumerated", "0.3.27", 0, 0L, "in-sync"),
					tuple(run(6), night(6), "pass", "0.3.27", "enumerated", "0.3.27", 0, 0L, "in-sync"));
		assertThat(rows.get(0).findings()).containsExactly("pin-drift");
		assertThat(rows.get(3).findings()).containsExactly("unreadable");
	}

	@Test
	void repoHistoryStartsWhenTheRepoAppearsAndSaysWhenAnErrorRunDidNotScanIt() {
		assertThat(queries.repo(SCOPE, DELTA.toUpperCase(), HistorySql.EPOCH))
			.extracting(RepoRun::runId, RepoRun::classification, RepoRun::lagReleases, RepoRun::state)
			.containsExactly(tuple(run(3), "unlisted-pinned", 0, "in-sync"), tuple(run(4), "unlisted-pinned", 1, "behind"),
					tuple(run(5), "exempt", 1, "behind"), tuple(run(6), "exempt", 1, "behind"));
		assertThat(queries.repo(SCOPE, ECHO, HistorySql.EPOCH))
			.extracting(RepoRun::runId, RepoRun::classification, RepoRun::state)
			.containsExactly(tuple(run(1), "clean", "no-pin"), tuple(run(2), "clean", "no-pin"),
					tuple(run(3), "clean", "no-pin"), tuple(run(4), null, "not-scanned"));
		assertThat(queries.repo(SCOPE, ALPHA, night(5))).extracting(RepoRun::runId).containsExactly(run(5), run(6));
		assertThat(queries.repo(SCOPE, "molecule-ai-workspace-template-nope", HistorySql.EPOCH)).isEmpty();
	}

	@Test
	void trendHasOneRowPerCompleteRunWithCountsAndMedians() {
		List<TrendRow> rows = queries.trend(SCOPE, HistorySql.EPOCH);

		assertThat(rows).extracting(TrendRow::runId, TrendRow::status, TrendRow::ssot, TrendRow::repos,
				TrendRow::enumerated, TrendRow::exempt, TrendRow::unlistedPinned, TrendRow::clean, TrendRow::unknown)
			.containsExactly(tuple(run(1), "pass", "0.3.25", 4, 3, 0, 0, 1, 0),
					tuple(run(2), "pass", "0.3.26", 4, 3, 0, 0, 1, 0), tuple(run(3), "fail", "0.3.26", 5, 3, 0, 1, 1, 0),
					tuple(run(4), "error", "0.3.27", 4, 3, 0, 1, 0, 0), tuple(run(5), "pass", "0.3.27", 4, 3, 1, 0, 0, 0),
					tuple(run(6), "pass", "0.3.27", 4, 3, 1, 0, 0, 0));
		assertThat(rows).extracting(TrendRow::behind, TrendRow::medianLagReleases, TrendRow::maxLagReleases,
				TrendRow::medianLagDays, TrendRow::maxLagDays)
			.containsExactly(tuple(1, 0.0, 1, 0.0, 2L), tuple(3, 1.0, 2, 9.0, 11L), tuple(2, 0.5, 1, 4.5, 9L),
					tuple(3, 2.0, 2, 11.0, 11L), tuple(3, 1.5, 2, 6.5, 11L), tuple(2, 0.5, 2, 1.0, 11L));
		assertThat(rows).extracting(TrendRow::runId).doesNotContain(history.crashedRunId);
		assertThat(queries.trend(SCOPE, night(6))).extracting(TrendRow::runId).containsExactly(run(6));
		assertThat(queries.trend(new HistoryScope("another-org", "gitea", HistoryScenario.T), HistorySql.EPOCH)).isEmpty();
	}

	@Test
	void timeToSyncMatchesTheHandComputedLatencies() {
		List<ReleaseSync> releases = queries.timeToSync(SCOPE, null);

		assertThat(releases).extracting(ReleaseSync::release, ReleaseSync::publishedAt, ReleaseSync::historyStartsLater,
				ReleaseSync::synced, ReleaseSync::pending, ReleaseSync::medianDays, ReleaseSync::p90Days)
			.containsExactly(tuple("0.3.27", released(27), false, 2, 1, 2L, null),
					tuple("0.3.26", released(26), false, 2, 1, 4L, null),
					tuple("0.3.25", released(25), true, 3, 0, 8L, 10L));
		// 0.3.27 (2026-03-03 12:00): alpha seen at 0.3.27 on 03-05 (its 03-04 run was unreadable: last known
		// 0.3.26), bravo on 03-06; charlie never, as of the last run, despite what the crashed run claims.
		assertThat(releases.get(0).consumers()).extracting(ConsumerSync::consumer, ConsumerSync::status,
				ConsumerSync::days, ConsumerSync::runId, ConsumerSync::pin)
			.containsExactly(tuple(ALPHA, "synced", 1L, run(5), "0.3.27"), tuple(BRAVO, "synced", 2L, run(6), "0.3.27"),
					tuple(CHARLIE, "pending", 2L, run(6), "0.3.25"));
		// 0.3.26 (2026-03-01 12:00): bravo skipped it and counts from its jump to 0.3.27.
		assertThat(releases.get(1).consumers()).extracting(ConsumerSync::consumer, ConsumerSync::status,
				ConsumerSync::days)
			.containsExactly(tuple(ALPHA, "synced", 1L), tuple(BRAVO, "synced", 4L), tuple(CHARLIE, "pending", 4L));
		// 0.3.25 was published before the first run: bravo and charlie already had it then.
		assertThat(releases.get(2).consumers()).extracting(ConsumerSync::consumer, ConsumerSync::days)
			.containsExactly(tuple(ALPHA, 10L), tuple(BRAVO, 8L), tuple(CHARLIE, 8L));
	}

	@Test
	void timeToSyncOfOneReleaseEvenOneThatWasNeverTheSsot() {
		assertThat(queries.timeToSync(SCOPE, Version.parse("0.3.24").orElseThrow()))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.publishedAt()).isEqualTo(released(24));
				assertThat(r.consumers()).extracting(ConsumerSync::consumer, ConsumerSync::days)
					.containsExactly(tuple(ALPHA, 10L), tuple(BRAVO, 10L), tuple(CHARLIE, 10L));
			});
		assertThat(queries.timeToSync(SCOPE, Version.parse("0.9.0").orElseThrow())).isEmpty();
	}

	@Test
	void worstRanksTheReposBehindInTheLatestRun() {
		assertThat(queries.worst(SCOPE, 10, false))
			.extracting(WorstRow::rank, WorstRow::repo, WorstRow::classification, WorstRow::pin, WorstRow::lagReleases,
					WorstRow::lagDays, WorstRow::behindSince, WorstRow::behindDays, WorstRow::lastKnown)
			.containsExactly(tuple(1, CHARLIE, "enumerated", "0.3.25", 2, 11L, night(2), 4L, false),
					tuple(2, DELTA, "exempt", "0.3.26", 1, 2L, night(4), 2L, false));
		assertThat(queries.worst(SCOPE, 1, true)).extracting(WorstRow::repo).containsExactly(CHARLIE);
	}

	@Test
	void theCrashedRunIsNeverReadAsComplete() {
		assertThat(store.status(history.crashedRunId)).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("running"));
		assertThat(queries.repo(SCOPE, CHARLIE, Instant.parse("2026-03-05T00:00:00Z")))
			.extracting(RepoRun::runId, RepoRun::pin)
			.containsExactly(tuple(run(5), "0.3.25"), tuple(run(6), "0.3.25"));
	}

	@Test
	void theHtmlReportDrawsTheTrendAndSparklinesFromTheHistory() {
		HistoryReportChecks.trendChart(history.html.get(5), history.runIds);
		HistoryReportChecks.sparklines(history.html.get(5));
	}

	@Test
	void theMarkdownReportListsTheChangesSinceThePreviousRun() {
		HistoryReportChecks.changes(history.markdown, history.runIds);
	}

	@Test
	void theMigrationDerivesForOlderRunsWhatTheJobDerivesAsItWrites() throws Exception {
		String derived = "select run_id, name, known_pin, pin_changed, pin_since, behind_since from drift_repo_result "
				+ "order by run_id, name";
		String summaries = "select id, repos, enumerated, exempt, unlisted_pinned, clean, unknown_repos, behind, "
				+ "median_lag_releases, max_lag_releases, median_lag_days, max_lag_days from drift_run order by id";
		List<java.util.Map<String, Object>> written = jdbc.queryForList(derived);
		List<java.util.Map<String, Object>> summed = jdbc.queryForList(summaries);
		assertThat(written).filteredOn(row -> Boolean.TRUE.equals(row.get("pin_changed"))).hasSizeGreaterThan(5);

		jdbc.update("update drift_repo_result set known_pin = null, pin_changed = false, pin_since = null, behind_since = null");
		jdbc.update("update drift_run set repos = null, behind = null, median_lag_releases = null");
		HistoryMigrations.derive(jdbc.getDataSource());

		assertThat(jdbc.queryForList(derived)).isEqualTo(written);
		assertThat(jdbc.queryForList(summaries)).isEqualTo(summed);
	}
}
