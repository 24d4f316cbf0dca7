package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.logging.RunMdc;
import ai.molecule.drift.scan.ConsumerDriftJobConfiguration;
import ai.molecule.drift.scan.RunStatus;

/**
 * {@code scan}: starts the application, runs {@code consumerDriftJob} once and maps the run's
 * status to the contract's exit code (0 pass, 1 fail, 2 error).
 */
final class ScanCommand {

	private static final Logger log = LoggerFactory.getLogger(ScanCommand.class);

	private final PrintStream out;

	private final PrintStream err;

	ScanCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		Map<String, Object> demoSettings = new LinkedHashMap<>();
		List<String> springArgs = args.stream().filter(a -> !a.equals("--demo")).toList();
		if (args.contains("--demo")) {
			try {
				DemoOrg demo = DemoOrg.create(Files.createTempDirectory("consumer-drift-demo-"));
				demoSettings.putAll(demoSettings(demo));
				out.println("Demo organisation built in " + demo.root());
			}
			catch (IOException | RuntimeException ex) {
				err.println("Could not build the demo organisation in a temporary folder: " + ex.getMessage());
				return 2;
			}
		}
		try (ConfigurableApplicationContext context = application(demoSettings).run(springArgs.toArray(String[]::new))) {
			return launch(context);
		}
		catch (RuntimeException ex) {
			err.println("consumer-drift could not start: " + StartupFailures.explain(ex));
			return 2;
		}
	}

	private int launch(ConfigurableApplicationContext context) {
		JobOperator jobOperator = context.getBean(JobOperator.class);
		Job job = context.getBean(Job.class);
		JobParameters parameters = new JobParametersBuilder().addString("run.requestedAt", Instant.now().toString())
			.toJobParameters();
		JobExecution execution;
		try {
			execution = jobOperator.start(job, parameters);
		}
		catch (Exception ex) {
			err.println("The scan job could not be launched: " + StartupFailures.explain(ex));
			return 2;
		}
		String status = execution.getExecutionContext()
			.getString(ConsumerDriftJobConfiguration.RUN_STATUS, null);
		Path reports = context.getBean(DriftProperties.class).report().dir().toAbsolutePath().normalize();
		if (execution.getStatus() != BatchStatus.COMPLETED || status == null) {
			err.println("The run ended without its reports (job " + execution.getStatus() + "); see the log above.");
			return 2;
		}
		// The command's last log lines still belong to the run: they carry its id like the others.
		long runId = execution.getExecutionContext().getLong(ConsumerDriftJobConfiguration.RUN_ID);
		try (MDC.MDCCloseable logContext = RunMdc.put(runId)) {
			log.info("Peak heap used: {} MiB (max {} MiB); CPU time used: {} ms", HeapUsage.peakMiB(), HeapUsage.maxMiB(),
					HeapUsage.processCpuMillis());
		}
		RunStatus runStatus = RunStatus.fromId(status);
		out.println("Run " + runStatus.id().toUpperCase() + " (exit " + runStatus.exitCode() + "). Reports: "
				+ reports.resolve("drift-report.html") + ", drift-report.md, drift-report.json");
		return runStatus.exitCode();
	}

	/**
	 * The demo's settings rank just below the command line: above the environment (so a shell set up
	 * for the real org cannot break the demo) and below explicit {@code --name=value} arguments.
	 */
	static SpringApplication application(Map<String, Object> demoSettings) {
		SpringApplication application = new SpringApplication(ConsumerDriftApplication.class);
		if (!demoSettings.isEmpty()) {
			application.addInitializers(context -> {
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				MapPropertySource demo = new MapPropertySource("demo", demoSettings);
				if (sources.contains(SimpleCommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
					sources.addAfter(SimpleCommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, demo);
				}
				else {
					sources.addFirst(demo);
				}
			});
		}
		return application;
	}

	private static Map<String, Object> demoSettings(DemoOrg demo) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("drift.forge.type", "local");
		settings.put("drift.forge.root", demo.root().toString());
		settings.put("drift.policy-file", demo.policyFile().toString());
		settings.put("drift.org", demo.org());
		settings.put("drift.repo-prefix", demo.repoPrefix());
		settings.put("drift.ssot.repo", demo.ssotRepo());
		settings.put("drift.ssot.tag-prefix", demo.tagPrefix());
		settings.put("spring.datasource.url", DemoOrg.DATABASE_URL);
		// The demo's org is named like the real one: its metrics must not replace the real org's in a Pushgateway.
		settings.put("drift.metrics.pushgateway-url", "");
		return settings;
	}
}
