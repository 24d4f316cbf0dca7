package ai.molecule.drift.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing the three reports into a folder. */
class ReportWriterTests {

	private final ReportRenderer renderer = ReportTemplates.renderer();

	@Test
	void writesTheThreeReportsIntoANewFolder(@TempDir Path tmp) throws IOException {
		Path dir = tmp.resolve("reports/nightly");
		RunReport report = ReportFixtures.failRun();
		List<Path> written = new ReportWriter(renderer).write(report, RunHistory.none(), dir);
		assertThat(written).containsExactly(dir.resolve("drift-report.html"), dir.resolve("drift-report.md"),
				dir.resolve("drift-report.json"));
		assertThat(read(written.get(0))).isEqualTo(renderer.html(report));
		assertThat(read(written.get(1))).isEqualTo(renderer.markdown(report));
		assertThat(read(written.get(2))).isEqualTo(renderer.json(report));
		assertThat(files(dir)).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void writesUtf8(@TempDir Path dir) throws IOException {
		new ReportWriter(renderer).write(ReportFixtures.failRun(), RunHistory.none(), dir);
		byte[] markdown = Files.readAllBytes(dir.resolve("drift-report.md"));
		// "·" (U+00B7) is two bytes in UTF-8, whatever the platform's default charset.
		assertThat(new String(markdown, StandardCharsets.UTF_8)).contains("exit code 1 · ");
		assertThat(markdown).containsSequence(0xC2, 0xB7);
	}

	@Test
	void replacesThePreviousRunsReportsAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
		ReportWriter writer = new ReportWriter(renderer);
		writer.write(ReportFixtures.failRun(), RunHistory.none(), dir);
		writer.write(ReportFixtures.passRun(), RunHistory.none(), dir);
		assertThat(read(dir.resolve("drift-report.json"))).contains("\"status\": \"pass\"").doesNotContain("\"fail\"");
		assertThat(read(dir.resolve("drift-report.md"))).startsWith("## Consumer drift: PASS");
		assertThat(files(dir)).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void stagedReportsChangeNothingVisibleUntilPublished(@TempDir Path dir) throws IOException {
		ReportWriter writer = new ReportWriter(renderer);
		writer.write(ReportFixtures.failRun(), RunHistory.none(), dir);
		String before = read(dir.resolve("drift-report.json"));

		ReportWriter.Staged staged = writer.stage(ReportFixtures.passRun(), RunHistory.none(), dir);
		assertThat(read(dir.resolve("drift-report.json"))).isEqualTo(before);
		assertThat(files(dir)).hasSize(6);

		assertThat(staged.publish()).hasSize(3);
		assertThat(read(dir.resolve("drift-report.json"))).contains("\"status\": \"pass\"");
		assertThat(files(dir)).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void discardedReportsLeaveThePreviousOnesAndNoTemporaryFile(@TempDir Path dir) throws IOException {
		ReportWriter writer = new ReportWriter(renderer);
		writer.write(ReportFixtures.failRun(), RunHistory.none(), dir);
		String before = read(dir.resolve("drift-report.md"));

		writer.stage(ReportFixtures.passRun(), RunHistory.none(), dir).discard();

		assertThat(read(dir.resolve("drift-report.md"))).isEqualTo(before);
		assertThat(files(dir)).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void aTargetThatCannotBeReplacedFailsTheStagingHalfWayAndLeavesNothing(@TempDir Path dir) throws IOException {
		ReportWriter writer = new ReportWriter(renderer);
		writer.write(ReportFixtures.failRun(), RunHistory.none(), dir);
		String before = read(dir.resolve("drift-report.html"));
		Files.delete(dir.resolve("drift-report.md"));
		Files.createDirectories(dir.resolve("drift-report.md/inside"));

		assertThatThrownBy(() -> writer.stage(ReportFixtures.passRun(), RunHistory.none(), dir))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("drift-report.md is not a file");
		assertThat(read(dir.resolve("drift-report.html"))).isEqualTo(before);
		assertThat(files(dir)).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json");
	}

	@Test
	void temporaryFilesOfAKilledRunAreRemovedByTheNextOne(@TempDir Path dir) throws IOException {
		ReportWriter writer = new ReportWriter(renderer);
		writer.stage(ReportFixtures.failRun(), RunHistory.none(), dir);
		Files.writeString(dir.resolve("notes.txt"), "kept");

		writer.write(ReportFixtures.passRun(), RunHistory.none(), dir);

		assertThat(files(dir)).containsExactlyInAnyOrder("drift-report.html", "drift-report.md", "drift-report.json",
				"notes.txt");
	}

	@Test
	void aBrokenTemplateLeavesThePreviousReportsUntouched(@TempDir Path dir, @TempDir Path templates)
			throws IOException {
		new ReportWriter(renderer).write(ReportFixtures.failRun(), RunHistory.none(), dir);
		String before = read(dir.resolve("drift-report.html"));
		Files.writeString(templates.resolve("drift-report.md.ftl"), "${run.noSuchField}");
		ReportRenderer broken = new ReportRenderer(
				ReportTemplates.configuration(templates.toUri().toString(), "classpath:/reports-templates/"));
		assertThatThrownBy(() -> new ReportWriter(broken).write(ReportFixtures.passRun(), RunHistory.none(), dir))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("drift-report.md.ftl");
		assertThat(read(dir.resolve("drift-report.html"))).isEqualTo(before);
		assertThat(read(dir.resolve("drift-report.json"))).contains("\"status\": \"fail\"");
	}

	@Test
	void aMissingTemplateIsAnIoProblem(@TempDir Path dir, @TempDir Path empty) {
		ReportRenderer renderer = new ReportRenderer(ReportTemplates.configuration(empty.toUri().toString()));
		assertThatThrownBy(() -> new ReportWriter(renderer).write(ReportFixtures.passRun(), RunHistory.none(), dir))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("drift-report.html.ftlh");
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	private static List<String> files(Path dir) throws IOException {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map(p -> p.getFileName().toString()).toList();
		}
	}
}
