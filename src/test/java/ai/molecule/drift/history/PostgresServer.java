package ai.molecule.drift.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started once per JVM from the binaries installed on the machine
 * (Debian's {@code postgresql} package, which {@code .ci/run} installs, or {@code PG_BIN} / {@code pg_config}).
 * PostgreSQL refuses to run as root, so when the build runs as root (CI, containers) the server runs as
 * the {@code postgres} user (else {@code nobody}) through {@code setpriv}.
 */
public final class PostgresServer {

	private static final String USER = "drift";

	private static PostgresServer instance;

	private final Path binDir;

	private final Path dataDir;

	private final List<String> runAs;

	private final int port;

	private PostgresServer(Path binDir, Path home, List<String> runAs, int port) {
		this.binDir = binDir;
		this.dataDir = home.resolve("data");
		this.runAs = runAs;
		this.port = port;
	}

	/** The shared server, started on first use and stopped when the JVM exits. */
	public static synchronized PostgresServer get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	/** A JDBC URL for a new, empty database of that name (created if it does not exist yet). */
	public String createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "")) {
			boolean exists = connection.createStatement()
				.executeQuery("select 1 from pg_database where datname = '" + name + "'")
				.next();
			if (!exists) {
				connection.createStatement().execute("create database " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + name + ": " + ex.getMessage(), ex);
		}
		return url(name);
	}

	public String username() {
		return USER;
	}

	/** Such as {@code 15.18}. */
	public String version() {
		try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "")) {
			var result = connection.createStatement().executeQuery("show server_version");
			result.next();
			return result.getString(1).split(" ")[0];
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/**
	 * Skips the calling test class where the server binaries are absent on a developer's machine, and
	 * fails it when {@code CI=true} ({@code .ci/run} installs them): never a quiet skip in CI.
	 */
	public static void requireInstalled() {
		if (binDir().isEmpty()) {
			String message = "PostgreSQL server binaries not found (Debian: apt-get install postgresql; .ci/run does "
					+ "this), or set PG_BIN to the folder holding initdb and postgres";
			if ("true".equals(System.getenv("CI"))) {
				org.assertj.core.api.Assertions.fail(message + ": CI=true, so the PostgreSQL tests must run");
			}
			org.junit.jupiter.api.Assumptions.abort(message + "; skipped because CI is not set to true");
		}
	}

	private static PostgresServer start() {
		Path binDir = binDir().orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries not found: "
				+ "install them (Debian: apt-get install postgresql; .ci/run does this), or set PG_BIN to the folder "
				+ "holding initdb and postgres"));
		try {
			Path home = Files.createTempDirectory("consumer-drift-pg-");
			List<String> runAs = runAs(home);
			PostgresServer server = new PostgresServer(binDir, home, runAs, freePort());
			server.initdb();
			server.launch();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(home), "postgres-stop"));
			server.awaitReady();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start PostgreSQL from " + binDir, ex);
		}
	}

	private void initdb() throws IOException {
		run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E",
				"UTF8", "--locale=C", "--no-sync"), Duration.ofMinutes(2));
	}

	private void launch() throws IOException {
		// Durability is not needed for a throw-away test database; speed is.
		List<String> command = new ArrayList<>(runAs);
		command.addAll(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-l",
				dataDir.getParent().resolve("postgres.log").toString(), "-o",
				"-p " + port + " -k " + dataDir.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=off "
						+ "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60",
				"start"));
		execute(command, Duration.ofSeconds(90));
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "")) {
				return;
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("PostgreSQL did not accept connections on port " + port, ex);
				}
				sleep();
			}
		}
	}

	private void stop(Path home) {
		try {
			List<String> command = new ArrayList<>(runAs);
			command.addAll(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate",
					"-w", "stop"));
			execute(command, Duration.ofSeconds(30));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("could not stop the test PostgreSQL server: " + ex.getMessage());
		}
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A left-over folder in the temporary directory is harmless.
		}
	}

	private void run(List<String> command, Duration timeout) throws IOException {
		List<String> full = new ArrayList<>(runAs);
		full.addAll(command);
		execute(full, timeout);
	}

	private static void execute(List<String> command, Duration timeout) throws IOException {
		Path output = Files.createTempFile("consumer-drift-pg-", ".out");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(command.size() - 1) + " timed out");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
						+ Files.readString(output));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/** As root, the server must run as an unprivileged user, who must own its folder. */
	private static List<String> runAs(Path home) throws IOException {
		if (!"root".equals(System.getProperty("user.name"))) {
			return List.of();
		}
		String user = userExists("postgres") ? "postgres" : "nobody";
		UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
		Files.setOwner(home, users.lookupPrincipalByName(user));
		return List.of("setpriv", "--reuid=" + user, "--regid=" + groupOf(user), "--init-groups");
	}

	private static boolean userExists(String user) throws IOException {
		return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(user + ":"));
	}

	private static String groupOf(String user) throws IOException {
		return Files.readAllLines(Path.of("/etc/passwd"))
			.stream()
			.filter(line -> line.startsWith(user + ":"))
			.map(line -> line.split(":")[3])
			.findFirst()
			.orElseThrow();
	}

	private static Optional<Path> binDir() {
		String configured = System.getenv("PG_BIN");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured));
		}
		Optional<Path> fromPgConfig = pgConfigBinDir();
		if (fromPgConfig.isPresent()) {
			return fromPgConfig;
		}
		// Debian and Ubuntu keep the server binaries off the PATH, one folder per major version.
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map(v -> v.resolve("bin"))
				.filter(bin -> Files.isExecutable(bin.resolve("postgres")))
				.max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Path> pgConfigBinDir() {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).strip();
			if (process.waitFor() == 0 && Files.isExecutable(Path.of(out, "postgres"))) {
				return Optional.of(Path.of(out));
			}
		}
		catch (IOException ex) {
			// No pg_config on the PATH.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}
}
