package ai.molecule.drift.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a child process, the way a user does ({@code java -jar target/consumer-drift.jar ...}),
 * in a working directory of the test's choosing, with an environment free of the machine's own settings.
 */
final class JarProcess {

	/**
	 * The image's JVM options (see the Dockerfile's ENTRYPOINT): C1 only and the serial collector halve the CPU
	 * of a short run on this project's small build machines; the command line is otherwise the README's.
	 */
	static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

	private static final long TIMEOUT_SECONDS = 120;

	private JarProcess() {
	}

	/** The packaged jar: {@code target/consumer-drift.jar}, as failsafe names it. */
	static Path jar() {
		Path jar = Path.of(System.getProperty("drift.jar", "target/consumer-drift.jar")).toAbsolutePath();
		assertThat(jar).as("the packaged jar (run the *IT tests with mvn verify, after package)").isRegularFile();
		return jar;
	}

	/** {@code bin/consumer-drift}, the README's way of starting the jar. */
	static Path launcher() {
		Path launcher = jar().getParent().resolveSibling("bin/consumer-drift");
		assertThat(launcher).isExecutable();
		return launcher;
	}

	/** {@code java}, from the JDK that runs the tests. */
	static Path java() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/**
	 * A process environment without the settings of the machine that runs the tests ({@code DRIFT_*},
	 * {@code SPRING_*}, the forge tokens), so that a CI runner's {@code GITHUB_TOKEN} cannot leak into a run.
	 */
	static void clean(Map<String, String> environment) {
		environment.keySet()
			.removeIf(name -> name.startsWith("DRIFT_") || name.startsWith("SPRING_") || name.equals("GITEA_TOKEN")
					|| name.equals("GITHUB_TOKEN") || name.equals("JAVA_TOOL_OPTIONS"));
		environment.put("JDK_JAVA_OPTIONS", JVM_OPTIONS);
	}

	/** Runs {@code java -jar consumer-drift.jar ARGS} in {@code dir} and waits for it. */
	static Result run(Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
		clean(builder.environment());
		return run(builder, dir, String.join(" ", args));
	}

	/** Runs a prepared process, its standard output and error captured apart, and waits for it. */
	static Result run(ProcessBuilder builder, Path dir, String name) {
		try {
			Path logs = Files.createTempDirectory(dir, "process-");
			Path out = logs.resolve("stdout");
			Path err = logs.resolve("stderr");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError(name + " did not end within " + TIMEOUT_SECONDS + " s; its log:\n"
						+ Files.readString(err));
			}
			return new Result(name, process.exitValue(), Files.readString(out), Files.readString(err));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a process printed, and its exit code. */
	record Result(String name, int exitCode, String stdout, String stderr) {

		/** For assertion messages: the command and the end of its log. */
		String describe() {
			String log = stderr.length() > 4000 ? "…" + stderr.substring(stderr.length() - 4000) : stderr;
			return name + " exited with " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + log;
		}

		List<String> stdoutLines() {
			return stdout.lines().toList();
		}
	}
}
