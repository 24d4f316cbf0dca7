package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scan logs at the default levels: each failure reason once, no success line for a step after its
 * failure, no routine figures; and the demo leaves no temporary folder behind.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietLogTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private int scan(String... settings) {
		List<String> args = new ArrayList<>(List.of("scan", "--drift.report.dir=" + dir.resolve("reports"),
				"--spring.datasource.url=jdbc:h2:mem:quiet-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
		args.addAll(List.of(settings));
		return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
	}

	@Test
	void aForgeThatCannotBeReachedIsLoggedOnceAndNoStepClaimsSuccessAfterIt(CapturedOutput log) throws IOException {
		Path policy = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [molecule-core]\n");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		int exit = scan("--drift.forge.base-url=http://127.0.0.1:" + closedPort, "--drift.forge.max-attempts=1",
				"--drift.policy-file=" + policy);

		assertThat(exit).isEqualTo(2);
		String logs = log.getErr();
		assertThat(occurrences(logs, "/tags: HttpHostConnectException")).as(logs).isEqualTo(1);
		assertThat(occurrences(logs, "/orgs/molecule-ai/repos: HttpHostConnectException")).as(logs).isEqualTo(1);
		assertThat(logs).contains("SSOT unresolved", "Step scan failed after")
			.doesNotContain("Step resolveSsot COMPLETED", "Step report COMPLETED", "Peak heap used");
	}

	@Test
	void aPassingRunLogsNoRoutineFigures(CapturedOutput log) throws IOException {
		Path org = Files.createDirectories(dir.resolve("org/molecule-ai-workspace-runtime"));
		Files.writeString(org.resolve("pyproject.toml"), "[project]\nversion = \"1.2.3\"\n");
		Path policy = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: []\n");

		int exit = scan("--drift.forge.type=local", "--drift.forge.root=" + org.getParent(),
				"--drift.policy-file=" + policy);

		assertThat(exit).isZero();
		assertThat(log.getErr()).contains("Run 1 PASS")
			.doesNotContain("History retention: removed 0", "Peak heap used", "COMPLETED in");
	}

	@Test
	void theDemoRemovesItsTemporaryOrganisation() {
		int exit = scan("--demo");

		assertThat(exit).isEqualTo(1);
		Matcher built = Pattern.compile("Demo organisation built in (\\S+) \\(removed when the scan ends\\)")
			.matcher(out.toString(StandardCharsets.UTF_8));
		assertThat(built.find()).isTrue();
		Path root = Path.of(built.group(1).trim());
		assertThat(root.getParent().getFileName().toString()).startsWith("consumer-drift-demo-");
		assertThat(root.getParent()).doesNotExist();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}
}
