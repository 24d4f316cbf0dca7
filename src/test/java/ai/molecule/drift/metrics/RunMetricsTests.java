package ai.molecule.drift.metrics;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/** The series one run turns into, as Prometheus reads them. */
class RunMetricsTests {

	static final Instant STARTED = Instant.parse("2026-11-22T03:00:00Z");

	static final Instant FINISHED = Instant.parse("2026-11-22T03:00:09.500Z");

	static RunReport failingRun() {
		Finding drift = new Finding(FindingCode.PIN_DRIFT, Severity.WARNING, "pinned 0.3.11, 16 releases behind 0.3.27");
		Finding unlisted = new Finding(FindingCode.UNLISTED_PINNED, Severity.ERROR, "pins the runtime, not listed");
		return new RunReport(42, STARTED, FINISHED, RunStatus.FAIL, List.of("1 repository fails the policy"),
				new ForgeInfo("gitea", "https://git.example.com", "molecule-ai", "t-"),
				new Ssot(Version.of(0, 3, 27), SsotSource.RELEASE_TAG, "runtime-v0.3.27", STARTED, null),
				List.of(new RepoResult("t-langgraph", Classification.ENUMERATED, false, "0.3.11",
						new Lag(16, 41L, LagLevel.PATCH), List.of(drift)),
						new RepoResult("t-rogue", Classification.UNLISTED_PINNED, false, "0.2.5",
								new Lag(30, null, LagLevel.MINOR), List.of(unlisted, drift)),
						new RepoResult("t-docs", Classification.CLEAN, false, null, null, List.of())));
	}

	@Test
	void everyClassificationLagFindingAndTheStatusBecomeSeries() {
		String scrape = RunMetrics.of(failingRun(), FINISHED).scrape();

		assertThat(scrape).contains("consumer_drift_repos{classification=\"enumerated\"} 1.0",
				"consumer_drift_repos{classification=\"unlisted-pinned\"} 1.0",
				"consumer_drift_repos{classification=\"clean\"} 1.0",
				"consumer_drift_repos{classification=\"exempt\"} 0.0",
				"consumer_drift_repos{classification=\"unknown\"} 0.0",
				"consumer_drift_repo_lag_releases{repo=\"t-langgraph\"} 16.0",
				"consumer_drift_repo_lag_releases{repo=\"t-rogue\"} 30.0",
				"consumer_drift_repo_lag_days{repo=\"t-langgraph\"} 41.0",
				"consumer_drift_findings{code=\"pin-drift\",severity=\"warning\"} 2.0",
				"consumer_drift_findings{code=\"unlisted-pinned\",severity=\"error\"} 1.0",
				"consumer_drift_run_status{status=\"fail\"} 1.0", "consumer_drift_run_status{status=\"pass\"} 0.0",
				"consumer_drift_run_status{status=\"error\"} 0.0", "consumer_drift_run_duration_seconds 9.5",
				"consumer_drift_last_success_timestamp_seconds " + FINISHED.toEpochMilli() / 1000.0);
		// No lag series for a repository without a pin, no days where the pinned release is unknown.
		assertThat(scrape).doesNotContain("repo=\"t-docs\"", "consumer_drift_repo_lag_days{repo=\"t-rogue\"}");
	}

	@Test
	void theValuesSurviveAGarbageCollectionBeforeThePush() {
		var registry = RunMetrics.of(failingRun(), FINISHED);
		for (int i = 0; i < 3; i++) {
			System.gc();
		}

		assertThat(registry.scrape()).doesNotContain("NaN")
			.contains("consumer_drift_repo_lag_days{repo=\"t-langgraph\"} 41.0",
					"consumer_drift_last_success_timestamp_seconds " + FINISHED.toEpochMilli() / 1000.0);
	}

	@Test
	void withoutAnyCompletedRunThereIsNoLastSuccessSeries() {
		assertThat(RunMetrics.of(failingRun(), null).scrape()).doesNotContain("consumer_drift_last_success");
	}
}
