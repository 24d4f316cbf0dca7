package ai.molecule.drift.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One run's outcome as Micrometer gauges in a registry of its own, so that a push carries this
 * run's series and nothing left over from another (names as Prometheus sees them):
 * <ul>
 * <li>{@code consumer_drift_repos{classification}}: repositories per classification, zeros included</li>
 * <li>{@code consumer_drift_repo_lag_releases{repo}} and {@code consumer_drift_repo_lag_days{repo}}:
 * each measured repository's lag (days only where known)</li>
 * <li>{@code consumer_drift_findings{code,severity}}: findings per code</li>
 * <li>{@code consumer_drift_run_status{status}}: 1 for this run's status, 0 for the others</li>
 * <li>{@code consumer_drift_run_duration_seconds}: from start to close of the run</li>
 * <li>{@code consumer_drift_last_success_timestamp_seconds}: end of the last run that completed
 * its scan (pass or fail), absent when there was none</li>
 * </ul>
 */
final class RunMetrics {

	private RunMetrics() {
	}

	static PrometheusMeterRegistry of(RunReport run, Instant lastSuccess) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		Map<Classification, Integer> counts = run.counts();
		counts.forEach((classification, count) -> gauge(registry, "consumer.drift.repos", count,
				"Repositories per classification", "classification", classification.id()));
		for (RepoResult repo : run.repos()) {
			if (repo.lag() != null) {
				gauge(registry, "consumer.drift.repo.lag.releases", repo.lag().releases(),
						"Published runtime releases newer than the repository's pin", "repo", repo.name());
				if (repo.lag().days() != null) {
					gauge(registry, "consumer.drift.repo.lag.days", repo.lag().days(),
							"Days between the pinned release and the SSOT release", "repo", repo.name());
				}
			}
		}
		findingsPerCode(run).forEach((key, count) -> gauge(registry, "consumer.drift.findings", count,
				"Findings per code and severity", "code", key.code(), "severity", key.severity()));
		for (RunStatus status : new RunStatus[] { RunStatus.PASS, RunStatus.FAIL, RunStatus.ERROR }) {
			gauge(registry, "consumer.drift.run.status", status == run.status() ? 1 : 0,
					"1 for the status of the last run (pass, fail, error), 0 for the others", "status", status.id());
		}
		long durationMillis = Duration
			.between(run.startedAt(), run.finishedAt() != null ? run.finishedAt() : run.startedAt())
			.toMillis();
		TimeGauge.builder("consumer.drift.run.duration", () -> durationMillis, TimeUnit.MILLISECONDS)
			.description("How long the last run took")
			.register(registry);
		if (lastSuccess != null) {
			long lastSuccessMillis = lastSuccess.toEpochMilli();
			TimeGauge.builder("consumer.drift.last.success.timestamp", () -> lastSuccessMillis, TimeUnit.MILLISECONDS)
				.description("When the last run that completed its scan (pass or fail) ended, in Unix time")
				.register(registry);
		}
		return registry;
	}

	private static Map<FindingKey, Integer> findingsPerCode(RunReport run) {
		Map<FindingKey, Integer> counts = new LinkedHashMap<>();
		for (RepoResult repo : run.repos()) {
			for (Finding finding : repo.findings()) {
				counts.merge(new FindingKey(finding.code().id(), finding.severity().id()), 1, Integer::sum);
			}
		}
		return counts;
	}

	private static void gauge(MeterRegistry registry, String name, Number value, String description, String... tags) {
		// A supplier, not Gauge.builder(name, value, f): that form holds the value weakly, and a
		// collection before the push would turn it into NaN.
		Gauge.builder(name, () -> value).description(description).tags(tags).register(registry);
	}

	/** The labels of one findings series. */
	private record FindingKey(String code, String severity) {
	}
}
