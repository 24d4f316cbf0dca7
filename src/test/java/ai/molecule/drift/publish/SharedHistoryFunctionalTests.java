package ai.molecule.drift.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.forge.IssueTracker;
import ai.molecule.drift.history.ReportHistoryLoader;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunHistory.TrendPoint;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.report.ReportFormat;
import ai.molecule.drift.report.ReportWriter;

import static ai.molecule.drift.publish.PublishFixtures.T;
import static ai.molecule.drift.publish.PublishFixtures.behind;
import static ai.molecule.drift.publish.PublishFixtures.inSync;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three jobs of one org share a database: a Gitea one, a GitHub one with the same prefix, and a Gitea one
 * with another prefix, their runs interleaved. Given a run of the first, then the report's and the issue's
 * "changes since the previous run" both compare with that job's previous pass or fail run: not another
 * job's, not its error run, not its crashed run.
 */
@SpringBootTest(classes = ConsumerDriftApplication.class, properties = { "drift.forge.type=gitea",
		"drift.forge.base-url=https://git.example.com",
		"spring.datasource.url=jdbc:h2:mem:shared-history-tests;DB_CLOSE_DELAY=-1" })
class SharedHistoryFunctionalTests {

	static final String ORG = "shared-org";

	static final ForgeInfo GITEA = new ForgeInfo("gitea", "https://git.example.com", ORG, T);

	static final ForgeInfo GITHUB = new ForgeInfo("github", "https://api.github.com", ORG, T);

	static final ForgeInfo OTHER_PREFIX = new ForgeInfo("gitea", "https://git.example.com", ORG, "service-");

	@Autowired
	RunStore store;

	@Autowired
	ReportHistoryLoader history;

	@Autowired
	ReportWriter reportWriter;

	@Test
	void theReportAndTheIssueCompareWithTheSameJobsPreviousCompleteRun(@TempDir Path dir) throws Exception {
		long previous = run(GITEA, 1, RunStatus.PASS, behind("a", "0.3.20", 7), inSync("b"));
		long github = run(GITHUB, 2, RunStatus.FAIL, behind("a", "0.3.1", 26), inSync("github-only"));
		run(OTHER_PREFIX, 3, RunStatus.PASS, service("x"));
		long error = run(GITEA, 4, RunStatus.ERROR, behind("a", "0.3.2", 25));
		long crashed = run(GITEA, 5, null, behind("a", "0.3.3", 24));
		run(GITHUB, 6, RunStatus.PASS, inSync("a"), inSync("github-only"));
		run(OTHER_PREFIX, 7, RunStatus.PASS, service("y"));
		long current = run(GITEA, 8, RunStatus.FAIL, behind("a", "0.3.11", 16), inSync("b"));

		RunReport report = store.load(current);
		RunHistory past = history.of(report);
		assertThat(past.previous().runId()).isEqualTo(previous);
		assertThat(past.trend()).extracting(TrendPoint::runId).as("the job's complete runs only")
			.containsExactly(previous, error, current);

		reportWriter.write(report, past, dir);
		String markdown = Files.readString(dir.resolve(ReportFormat.MARKDOWN.fileName()), StandardCharsets.UTF_8);
		assertThat(markdown).contains("Compared with run " + previous + " (2026-11-23, PASS).",
				"- **New repositories:** none", "- **Removed repositories:** none");

		String issue = publishDryRun(current, dir);
		assertThat(issue).contains("- a: pin 0.3.20 → 0.3.11")
			.doesNotContain("github-only", "service-", "0.3.1 →", "0.3.2 →", "0.3.3 →", "No earlier complete run");
		assertThat(List.of(github, crashed)).doesNotContain(past.previous().runId());
	}

	/** The issue body as {@link IssuePublication} renders it, written to a file by a dry run. */
	private String publishDryRun(long runId, Path dir) throws Exception {
		try (TrackerFixture fixture = new TrackerFixture(TrackerFixture.Kind.GITEA)) {
			PublishProperties dryRun = new PublishProperties("acme/tracker", "Runtime consumer drift report",
					List.of(), PublishProperties.Mode.UPDATE, true, null, false, false);
			StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("tracker", fixture.tracker()));
			IssuePublication publication = new IssuePublication(dryRun, beans.getBeanProvider(IssueTracker.class),
					PublishFixtures.body(), history, store, reportWriter, dir, Clock.systemUTC());
			assertThat(publication.publish(runId)).as("published").isEqualTo(RunStatus.FAIL);
		}
		return Files.readString(dir.resolve(IssuePublication.DRY_RUN_FILE), StandardCharsets.UTF_8);
	}

	/** A run of one job on night {@code night}; {@code status} {@code null} leaves it running (crashed). */
	private long run(ForgeInfo forge, int night, RunStatus status, RepoResult... repos) {
		Instant started = Instant.parse("2026-11-22T03:00:00Z").plusSeconds(night * 86_400L);
		long runId = store.start(forge, started, 0);
		store.recordReleases(runId, ReleaseLine.ofFallback(Version.of(0, 3, 27), null));
		store.saveResults(runId, List.of(repos));
		if (status != null) {
			List<String> reasons = status == RunStatus.PASS ? List.of() : List.of("a reason");
			store.finish(runId, status, reasons, started.plusSeconds(9));
		}
		return runId;
	}

	private static RepoResult service(String name) {
		RepoResult repo = inSync(name);
		return new RepoResult("service-" + name, repo.classification(), repo.archived(), repo.pin(), repo.lag(),
				repo.findings());
	}
}
