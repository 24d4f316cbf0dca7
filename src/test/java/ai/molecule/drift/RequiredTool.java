package ai.molecule.drift;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * An executable some tests run (see {@code .ci/run} for how CI gets it). Without it
 * those tests are skipped on a developer's machine, and fail when {@code CI=true}: in CI a missing
 * tool is a broken build, never a quiet skip.
 */
public final class RequiredTool {

	private RequiredTool() {
	}

	/**
	 * The executable on the {@code PATH} (or in {@code /usr/bin}); skips or fails the test when absent.
	 *
	 * @param name the executable
	 * @param install how to get it, for the message
	 */
	public static Path find(String name, String install) {
		return locate(name).orElseGet(() -> missing(name, install));
	}

	/**
	 * Like {@link #find}, for a tool that {@code .ci/run} does not install (it cannot be had from the
	 * registries this project reaches): the test is skipped wherever it is absent, CI included, and
	 * says so.
	 */
	public static Path optional(String name, String install) {
		return locate(name).orElseGet(() -> {
			Assumptions.abort(name + " is not installed (" + install + "); this check is skipped");
			return null;
		});
	}

	private static Optional<Path> locate(String name) {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
		return Stream.of(path.split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static Path missing(String name, String install) {
		String message = name + " is not installed (" + install + ")";
		if ("true".equals(System.getenv("CI"))) {
			fail(message + ": CI=true, so the tests that need it must run, not be skipped");
		}
		Assumptions.abort(message + "; skipped because CI is not set to true");
		return null;
	}
}
