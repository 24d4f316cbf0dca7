package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.job.ScanJob;
import ai.molecule.drift.logging.RunMdc;
import ai.molecule.drift.model.RunStatus;

/**
 * {@code scan}: starts the application, runs {@code consumerDriftJob} once and maps the run's
 * status to the contract's exit code (0 pass, 1 fail, 2 error).
 */
@Command(name = "scan", description = "Scan the organisation, persist the run and write the reports (the default command).",
		footer = { "", "Settings follow as --name=value (README.md lists them all), for example:",
				"  --drift.forge.base-url=https://git.example.com --drift.policy-file=drift-policy.yml" })
final class ScanCommand implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(ScanCommand.class);

	@Option(names = "--demo", description = "Scan a built-in demo organisation: no server, token or configuration needed.")
	private boolean demo;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	private boolean help;

	private final PrintStream out;

	private final PrintStream err;

	private final List<String> settings;

	private final List<String> settingProblems;

	ScanCommand(Terminal terminal) {
		this.out = terminal.out();
		this.err = terminal.err();
		this.settings = terminal.settings();
		this.settingProblems = terminal.settingProblems();
	}

	@Override
	public Integer call() {
		if (!demo) {
			return scan(Map.of());
		}
		Path folder = null;
		try {
			folder = Files.createTempDirectory("consumer-drift-demo-");
			DemoOrg demoOrg = DemoOrg.create(folder);
			out.println("Demo organisation built in " + demoOrg.root() + " (removed when the scan ends)");
			return scan(demoSettings(demoOrg));
		}
		catch (IOException | RuntimeException ex) {
			err.println("Could not build the demo organisation in a temporary folder: " + ex.getMessage());
			return 2;
		}
		finally {
			DemoFolder.delete(folder);
		}
	}

	private int scan(Map<String, Object> demoSettings) {
		SpringApplication application = application(demoSettings);
		application.addListeners(new Preflight(settingProblems));
		try (ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new))) {
			return launch(context);
		}
		catch (RuntimeException ex) {
			Optional<ConfigurationProblems> problems = ConfigurationProblems.in(ex);
			if (problems.isPresent()) {
				problems.get().print(err);
				return 2;
			}
			if (!StartupFailures.isConfiguration(ex)) {
				return Cli.internalError(ex, err);
			}
			err.println("consumer-drift could not start: " + StartupFailures.explain(ex));
			return 2;
		}
	}

	private int launch(ConfigurableApplicationContext context) {
		Optional<ScanJob.Run> run;
		try {
			run = ScanJob.run(context);
		}
		catch (Exception ex) {
			err.println("The scan job could not be launched: " + StartupFailures.explain(ex));
			return 2;
		}
		Path reports = context.getBean(DriftProperties.class).report().dir().toAbsolutePath().normalize();
		if (run.isEmpty()) {
			err.println("The run ended without its reports; see the log above.");
			return 2;
		}
		// The command's last log lines still belong to the run: they carry its id like the others.
		try (MDC.MDCCloseable logContext = RunMdc.put(run.get().id())) {
			log.debug("Peak heap used: {} MiB (max {} MiB); CPU time used: {} ms", HeapUsage.peakMiB(), HeapUsage.maxMiB(),
					HeapUsage.processCpuMillis());
		}
		RunStatus runStatus = run.get().status();
		out.println("Run " + runStatus.id().toUpperCase() + " (exit " + runStatus.exitCode() + "). Reports: "
				+ reports.resolve("drift-report.html") + ", drift-report.md, drift-report.json");
		return runStatus.exitCode();
	}

	/**
	 * The demo's settings rank just below the command line: above the environment (so a shell set up
	 * for the real org cannot break the demo) and below explicit {@code --name=value} arguments.
	 */
	static SpringApplication application(Map<String, Object> demoSettings) {
		return application(ConsumerDriftApplication.class, demoSettings);
	}

	static SpringApplication application(Class<?> source, Map<String, Object> demoSettings) {
		SpringApplication application = new SpringApplication(source);
		if (!demoSettings.isEmpty()) {
			application.addListeners(new DemoSource(demoSettings));
		}
		return application;
	}

	/** Adds the demo's settings as soon as the environment is prepared: the pre-flight check sees them too. */
	private record DemoSource(Map<String, Object> settings)
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			MutablePropertySources sources = event.getEnvironment().getPropertySources();
			MapPropertySource demo = new MapPropertySource("demo", settings);
			if (sources.contains(SimpleCommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(SimpleCommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, demo);
			}
			else {
				sources.addFirst(demo);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}
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
