package ai.molecule.drift.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import org.springframework.core.env.Environment;

/**
 * Whether the history database can be used, before anything is written to it: an embedded H2 file by the
 * folder that holds it (opening it would create it), a server by opening and closing one connection.
 */
final class DatabaseProbe {

	static final String URL = "spring.datasource.url";

	private static final String SETTING = URL + " (SPRING_DATASOURCE_URL)";

	private static final int LOGIN_TIMEOUT_SECONDS = 10;

	private DatabaseProbe() {
	}

	/** Why the configured database cannot be used, or empty when it can (or is in memory). */
	static Optional<String> problem(Environment environment) {
		String url = environment.getProperty(URL, "");
		if (url.isBlank()) {
			return Optional.of(SETTING + ": empty; set it to a JDBC URL, such as jdbc:h2:file:./data/consumer-drift");
		}
		if (url.startsWith("jdbc:h2:mem:")) {
			return Optional.empty();
		}
		Optional<Path> file = HistoryDatabase.h2File(url);
		if (file.isPresent()) {
			return h2Problem(file.get());
		}
		Properties credentials = new Properties();
		credentials.setProperty("user", environment.getProperty("spring.datasource.username", ""));
		credentials.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		credentials.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
		credentials.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
		try (Connection connection = DriverManager.getConnection(url, credentials)) {
			return Optional.empty();
		}
		catch (SQLException ex) {
			// Not the URL itself: it may carry a password.
			String why = "No suitable driver".equals(ex.getMessage())
					? "it is not a JDBC URL this build can open (H2 and PostgreSQL are included)" : ex.getMessage();
			return Optional.of(SETTING + ": the database cannot be reached: " + why);
		}
	}

	private static Optional<String> h2Problem(Path file) {
		if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
			return Optional.of(SETTING + ": the history database " + file + " is not a writable file");
		}
		return WritableFolder.problem(file.getParent())
			.map((why) -> SETTING + ": the history database cannot be written in " + file.getParent() + ": " + why);
	}
}
