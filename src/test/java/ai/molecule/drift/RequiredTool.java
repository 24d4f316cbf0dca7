package ai.molecule.drift;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * An executable some tests run (installed by {@code .ci/run} from Debian's packages). Without it
 * those tests are skipped on a developer's machine, and fail when {@code CI=true}: in CI a missing
 * tool is a broken build, never a quiet skip.
 */
public final class RequiredTool {

	private RequiredTool() {
	}

	/** The executable on the {@code PATH} (or in {@code /usr/bin}); skips or fails the test when absent. */
	public static Path find(String name, String debianPackage) {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
		return Stream.of(path.split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> missing(name, debianPackage));
	}

	private static Path missing(String name, String debianPackage) {
		String message = name + " is not installed (apt-get install -y " + debianPackage + "; .ci/run does it)";
		if ("true".equals(System.getenv("CI"))) {
			fail(message + ": CI=true, so the tests that need it must run, not be skipped");
		}
		Assumptions.abort(message + "; skipped because CI is not set to true");
		return null;
	}
}
