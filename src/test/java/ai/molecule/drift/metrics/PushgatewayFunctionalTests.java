package ai.molecule.drift.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ai.molecule.drift.cli.Cli;
import ai.molecule.drift.metrics.LocalPushgateway.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Runs of the demo push to a real Pushgateway: given a gateway, when a run ends, then the gateway
 * serves the series of that run (and only that run) with the values of its report.
 */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayFunctionalTests {

	static final String ORG = "molecule-ai";

	@TempDir
	Path dir;

	final JsonMapper json = JsonMapper.builder().build();

	LocalPushgateway gateway;

	@BeforeEach
	void startGateway() throws Exception {
		gateway = LocalPushgateway.start();
	}

	@AfterEach
	void stopGateway() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
	}

	@Test
	void aRunLeavesItsSeriesAndALaterErrorRunReplacesThemButKeepsTheLastSuccess() throws Exception {
		String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/drift");

		int exit = scan(database, "--drift.metrics.pushgateway-url=" + gateway.url());

		assertThat(exit).isEqualTo(1);
		JsonNode report = json.readTree(dir.resolve("reports/drift-report.json").toFile());
		for (Map.Entry<String, JsonNode> count : report.get("counts").properties()) {
			assertThat(value("consumer_drift_repos", "classification", count.getKey())).as(count.getKey())
				.isEqualTo(count.getValue().asDouble());
		}
		Map<String, Double> findings = new HashMap<>();
		for (JsonNode repo : report.get("repos")) {
			JsonNode lag = repo.get("lag");
			String name = repo.get("name").asString();
			if (lag.isNull()) {
				assertThat(gateway.samples("consumer_drift_repo_lag_releases")).noneMatch(s -> name.equals(s.label("repo")));
			}
			else {
				assertThat(value("consumer_drift_repo_lag_releases", "repo", name)).as(name)
					.isEqualTo(lag.get("releases").asDouble());
				if (!lag.get("days").isNull()) {
					assertThat(value("consumer_drift_repo_lag_days", "repo", name)).as(name)
						.isEqualTo(lag.get("days").asDouble());
				}
			}
			repo.get("findings").forEach(f -> findings.merge(
					f.get("code").asString() + "/" + f.get("severity").asString(), 1.0, Double::sum));
		}
		assertThat(findings).containsEntry("unlisted-pinned/error", 3.0).containsKey("pin-drift/warning");
		List<Sample> findingSamples = gateway.samples("consumer_drift_findings");
		assertThat(findingSamples).hasSameSizeAs(findings.keySet());
		findings.forEach((key, count) -> assertThat(findingSamples)
			.filteredOn(s -> key.equals(s.label("code") + "/" + s.label("severity")))
			.singleElement()
			.extracting(Sample::value)
			.isEqualTo(count));
		assertThat(value("consumer_drift_run_status", "status", "fail")).isEqualTo(1.0);
		assertThat(value("consumer_drift_run_status", "status", "pass")).isZero();
		Instant started = Instant.parse(report.get("startedAt").asString());
		Instant finished = Instant.parse(report.get("finishedAt").asString());
		double duration = gateway.samples("consumer_drift_run_duration_seconds").get(0).value();
		assertThat(duration).isPositive().isLessThanOrEqualTo(Duration.between(started, finished).toMillis() / 1000.0 + 1);
		double lastSuccess = gateway.samples("consumer_drift_last_success_timestamp_seconds").get(0).value();
		assertThat(lastSuccess).isCloseTo(finished.toEpochMilli() / 1000.0, offset(1.0));
		assertThat(gateway.samples()).filteredOn(s -> s.name().startsWith("consumer_drift_"))
			.allSatisfy(s -> assertThat(s.labels()).containsEntry("job", "consumer-drift").containsEntry("org", ORG));

		// The same database and organisation, but an empty folder for it, without the runtime: an error run
		// (SSOT unresolved) with no repositories. (An unreadable policy no longer makes a run: nothing starts.)
		Path emptyOrg = Files.createDirectories(dir.resolve("empty-org"));
		Path emptyPolicy = Files.writeString(dir.resolve("empty-policy.yml"), "consumers: []\n");
		exit = scan(database, "--drift.metrics.pushgateway-url=" + gateway.url(), "--drift.forge.root=" + emptyOrg,
				"--drift.policy-file=" + emptyPolicy);

		assertThat(exit).isEqualTo(2);
		assertThat(value("consumer_drift_run_status", "status", "error")).isEqualTo(1.0);
		assertThat(value("consumer_drift_run_status", "status", "fail")).isZero();
		assertThat(value("consumer_drift_repos", "classification", "enumerated")).isZero();
		assertThat(gateway.samples("consumer_drift_repo_lag_releases")).isEmpty();
		assertThat(gateway.samples("consumer_drift_last_success_timestamp_seconds")).singleElement()
			.extracting(Sample::value)
			.isEqualTo(lastSuccess);
	}

	@Test
	void anUnreachableGatewayIsLoggedAndLeavesTheOutcomeAlone(CapturedOutput output) throws Exception {
		int exit = scan("--spring.datasource.url=jdbc:h2:mem:unreachable;DB_CLOSE_DELAY=-1",
				"--drift.metrics.pushgateway-url=http://127.0.0.1:9/prefix", "--drift.metrics.timeout=2s");

		assertThat(exit).isEqualTo(1);
		assertThat(output.getErr()).contains("metrics could not be pushed to http://127.0.0.1:9/prefix")
			.doesNotContain("\tat ");
	}

	@Test
	void theDemoIgnoresAGatewayConfiguredForTheRealOrg() throws Exception {
		// A system property stands for the environment: both rank below the demo's own settings.
		System.setProperty("drift.metrics.pushgateway-url", gateway.url().toString());
		try {
			int exit = scan("--spring.datasource.url=jdbc:h2:mem:demo-no-push;DB_CLOSE_DELAY=-1");

			assertThat(exit).isEqualTo(1);
			assertThat(gateway.samples()).noneMatch(s -> s.name().startsWith("consumer_drift_"));
		}
		finally {
			System.clearProperty("drift.metrics.pushgateway-url");
		}
	}

	private double value(String name, String label, String labelValue) throws Exception {
		List<Sample> samples = gateway.samples(name).stream().filter(s -> labelValue.equals(s.label(label))).toList();
		assertThat(samples).as(name + "{" + label + "=" + labelValue + "}").hasSize(1);
		return samples.get(0).value();
	}

	private int scan(String... settings) {
		List<String> args = new ArrayList<>(List.of("scan", "--demo", "--drift.report.dir=" + dir.resolve("reports")));
		args.addAll(List.of(settings));
		return Cli.run(args.toArray(String[]::new));
	}
}
