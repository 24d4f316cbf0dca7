package ai.molecule.drift.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Opens the history for a query without ever creating or changing it: a missing H2 file is named (not
 * created empty), H2 is told to open only an existing file, and Flyway validates the schema instead of
 * migrating it.
 */
final class HistoryDatabase {

	private static final String URL = "spring.datasource.url";

	private final Terminal terminal;

	HistoryDatabase(Terminal terminal) {
		this.terminal = terminal;
	}

	/** Starts what a query needs (lazily: the data source and the queries) over the configured database. */
	ConfigurableApplicationContext open(boolean demo) {
		Map<String, Object> demoSettings = demo ? Map.of(URL, DemoOrg.DATABASE_URL, "drift.forge.type", "local",
				"drift.org", DemoOrg.ORG) : Map.of();
		SpringApplication application = ScanCommand.application(HistoryApplication.class, demoSettings);
		application.setLazyInitialization(true);
		application.addInitializers((context) -> readOnly(context.getEnvironment()));
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("validateOnlyFlyway", (FlywayMigrationStrategy) Flyway::validate));
		return application.run(terminal.settings().toArray(String[]::new));
	}

	private static void readOnly(ConfigurableEnvironment environment) {
		String url = environment.getProperty(URL, "");
		Optional<Path> file = h2File(url);
		if (file.isEmpty()) {
			return;
		}
		if (!Files.isRegularFile(file.get())) {
			throw new Missing("No history database at " + file.get() + ": a scan creates it there. To query "
					+ "another one, set spring.datasource.url (SPRING_DATASOURCE_URL), for example "
					+ "--spring.datasource.url=jdbc:h2:file:/path/to/consumer-drift, or run from the folder the "
					+ "scans ran in; --demo reads the history of scan --demo.");
		}
		Map<String, Object> existingOnly = new LinkedHashMap<>();
		existingOnly.put(URL, url + ";IFEXISTS=TRUE");
		environment.getPropertySources().addFirst(new MapPropertySource("historyReadOnly", existingOnly));
	}

	/** The file of an embedded H2 database URL ({@code jdbc:h2:file:./data/x;...} is {@code ./data/x.mv.db}). */
	static Optional<Path> h2File(String url) {
		if (!url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String location = url.substring("jdbc:h2:".length()).split(";", 2)[0];
		if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")
				|| location.startsWith("zip:")) {
			return Optional.empty();
		}
		if (location.startsWith("file:")) {
			location = location.substring("file:".length());
		}
		if (location.startsWith("~")) {
			location = System.getProperty("user.home") + location.substring(1);
		}
		return Optional.of(Path.of(location + ".mv.db").toAbsolutePath().normalize());
	}

	/** The configured history database does not exist. */
	static final class Missing extends RuntimeException {

		Missing(String message) {
			super(message);
		}
	}
}
