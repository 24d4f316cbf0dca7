package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.report.ReportRenderer;
import ai.molecule.drift.report.ReportTemplates;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The warm-up renders a sample through every template, so it fails where a real render would. */
class ReportWarmUpTests {

	@Test
	void theShippedTemplatesRenderTheWarmUpSample() {
		assertThatNoException().isThrownBy(ReportTemplates.renderer()::warmUp);
	}

	@Test
	void aTemplateThatCannotRenderAReportFailsTheWarmUp(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("drift-report.md.ftl"), "${run.noSuchField}");
		ReportRenderer custom = new ReportRenderer(
				ReportTemplates.configuration(dir.toUri().toString(), "classpath:/reports-templates/"));
		assertThatIllegalStateException().isThrownBy(custom::warmUp).withMessageContaining("drift-report.md.ftl");
	}
}
