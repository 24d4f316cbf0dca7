package ai.molecule.drift.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;

import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.job.ConsumerDriftJobConfiguration;
import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport.ForgeInfo;

/**
 * Six nightly scans of a fake Gitea org in which pins change, as the history tests expect them:
 * <pre>
 * run  night       SSOT    alpha        bravo   charlie delta (new)       echo   status
 * 1    2026-03-01  0.3.25  0.3.24       0.3.25  0.3.25  -                 clean  pass
 * 2    2026-03-02  0.3.26  0.3.24       0.3.25  0.3.25  -                 clean  pass
 * 3    2026-03-03  0.3.26  0.3.26       0.3.25  0.3.25  0.3.26 unlisted   clean  fail
 * 4    2026-03-04  0.3.27  unreadable   0.3.25  0.3.25  0.3.26 unlisted   -      error
 * -    2026-03-05 15:00    a run that crashed (left running) and claims charlie at 0.3.27
 * 5    2026-03-05  0.3.27  0.3.27       0.3.25  0.3.25  0.3.26 exempt     -      pass
 * 6    2026-03-06  0.3.27  0.3.27       0.3.27  0.3.25  0.3.26 exempt     -      pass
 * </pre>
 * Alpha catches up (and is unreadable once), bravo skips 0.3.26, charlie falls behind and stays there,
 * delta appears, echo is removed. Every run starts at 03:00 UTC; 0.3.26 was published on 2026-03-01 at
 * 12:00, 0.3.27 on 2026-03-03 at 12:00, and 0.3.20 to 0.3.25 every other day from 2026-02-10 at 12:00.
 */
final class HistoryScenario {

	static final String ORG = "molecule-ai";

	static final String T = "molecule-ai-workspace-template-";

	static final String ALPHA = T + "alpha";

	static final String BRAVO = T + "bravo";

	static final String CHARLIE = T + "charlie";

	static final String DELTA = T + "delta";

	static final String ECHO = T + "echo";

	static final String RUNTIME = "molecule-ai-workspace-runtime";

	private final FakeGitea gitea;

	private final JobOperatorTestUtils jobs;

	private final TestClock clock;

	private final RunStore store;

	private final Path dir;

	/** The run ids of runs 1 to 6, in order. */
	final List<Long> runIds = new ArrayList<>();

	/** The Markdown and HTML reports of runs 1 to 6, in order. */
	final List<String> markdown = new ArrayList<>();

	final List<String> html = new ArrayList<>();

	long crashedRunId;

	HistoryScenario(FakeGitea gitea, JobOperatorTestUtils jobs, TestClock clock, RunStore store, Path dir) {
		this.gitea = gitea;
		this.jobs = jobs;
		this.clock = clock;
		this.store = store;
		this.dir = dir;
	}

	static Instant night(int day) {
		return Instant.parse("2026-03-0" + day + "T03:00:00Z");
	}

	static Instant released(int patch) {
		return switch (patch) {
			case 26 -> Instant.parse("2026-03-01T12:00:00Z");
			case 27 -> Instant.parse("2026-03-03T12:00:00Z");
			default -> Instant.parse("2026-02-10T12:00:00Z").plusSeconds((patch - 20) * 2L * 86_400);
		};
	}

	HistoryScenario build() throws Exception {
		// The fake is shared by the test classes of one JVM: start from an empty org.
		for (String repo : List.of(ALPHA, BRAVO, CHARLIE, DELTA, ECHO, RUNTIME)) {
			gitea.deleteRepo(ORG, repo);
		}
		gitea.clearFaults();
		for (int patch = 20; patch <= 25; patch++) {
			release(patch);
		}
		pin(ALPHA, "0.3.24");
		pin(BRAVO, "0.3.25");
		pin(CHARLIE, "0.3.25");
		gitea.repo(ORG, ECHO).file("README.md", "a template without a pin\n");
		policy("");
		run(1);

		release(26);
		run(2);

		pin(ALPHA, "0.3.26");
		pin(DELTA, "0.3.26");
		run(3);

		release(27);
		gitea.deleteRepo(ORG, ECHO);
		gitea.failAlways("/repos/" + ORG + "/" + ALPHA + "/", 500);
		run(4);
		gitea.clearFaults();

		crashedRunId = store.start(new ForgeInfo("gitea", gitea.baseUrl().toString(), ORG, T),
				Instant.parse("2026-03-05T15:00:00Z"), 0);
		store.saveResults(crashedRunId, List.of(new RepoResult(CHARLIE, Classification.ENUMERATED, false, "0.3.27",
				new Lag(0, 0L, LagLevel.NONE), List.of())));

		pin(ALPHA, "0.3.27");
		policy("""
				exempt:
				  - repo: molecule-ai-workspace-template-delta
				    reason: an experiment, kept out of the consumer list on purpose
				""");
		run(5);

		pin(BRAVO, "0.3.27");
		run(6);
		return this;
	}

	private void run(int day) throws Exception {
		clock.set(night(day));
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());
		runIds.add(execution.getExecutionContext().getLong(ConsumerDriftJobConfiguration.RUN_ID));
		markdown.add(Files.readString(dir.resolve("reports/drift-report.md")));
		html.add(Files.readString(dir.resolve("reports/drift-report.html")));
	}

	private void release(int patch) {
		gitea.tag(ORG, RUNTIME, "runtime-v0.3." + patch, released(patch).minusSeconds(3600));
		gitea.release(ORG, RUNTIME, "runtime-v0.3." + patch, released(patch), false, false);
	}

	private void pin(String repo, String version) {
		gitea.repo(ORG, repo).file(".runtime-version", version + "\n");
	}

	private void policy(String more) throws IOException {
		Files.writeString(dir.resolve("drift-policy.yml"), """
				consumers:
				  - molecule-ai-workspace-template-alpha
				  - molecule-ai-workspace-template-bravo
				  - molecule-ai-workspace-template-charlie
				""" + more);
	}
}
