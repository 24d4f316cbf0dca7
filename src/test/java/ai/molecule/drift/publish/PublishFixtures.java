package ai.molecule.drift.publish;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.springframework.ui.freemarker.FreeMarkerConfigurationFactory;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;
import ai.molecule.drift.report.ReportRenderer;
import ai.molecule.drift.report.RunChanges;
import freemarker.template.TemplateException;

/** Runs and a renderer for the publishing tests. */
final class PublishFixtures {

	static final String ORG = "molecule-ai";

	static final String T = "molecule-ai-workspace-template-";

	static final Ssot SSOT = new Ssot(Version.of(0, 3, 27), SsotSource.RELEASE_TAG, "runtime-v0.3.27",
			Instant.parse("2026-06-10T12:00:00Z"), null);

	private PublishFixtures() {
	}

	/** The production templates, configured as {@code spring.freemarker.*} does. */
	static ReportRenderer renderer() {
		FreeMarkerConfigurationFactory factory = new FreeMarkerConfigurationFactory();
		factory.setTemplateLoaderPaths("file:reports-templates/", "classpath:/reports-templates/");
		factory.setPreferFileSystemAccess(false);
		factory.setDefaultEncoding("UTF-8");
		Properties settings = new Properties();
		settings.setProperty("incompatible_improvements", "2.3.34");
		settings.setProperty("template_exception_handler", "rethrow");
		settings.setProperty("recognize_standard_file_extensions", "true");
		settings.setProperty("number_format", "computer");
		factory.setFreemarkerSettings(settings);
		try {
			return new ReportRenderer(factory.createConfiguration());
		}
		catch (IOException | TemplateException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static IssueBody body() {
		return new IssueBody(renderer(), IssueBody.DEFAULT_BUDGET);
	}

	/** The changes of a run with no earlier complete run to compare with. */
	static RunChanges firstRun() {
		return RunChanges.between(null, run(1, RunStatus.PASS));
	}

	static RunReport run(long id, RunStatus status, RepoResult... repos) {
		List<String> reasons = (status == RunStatus.FAIL) ? List.of("1 repository fails the policy") : List.of();
		Instant started = Instant.parse("2026-11-22T03:00:00Z").plusSeconds(id * 86_400);
		return new RunReport(id, started, started.plusSeconds(9), status, reasons,
				new ForgeInfo("gitea", "https://git.example.com", ORG, T), SSOT, Arrays.asList(repos));
	}

	static RepoResult inSync(String name) {
		return new RepoResult(T + name, Classification.ENUMERATED, false, "0.3.27", new Lag(0, 0L, LagLevel.NONE),
				List.of());
	}

	static RepoResult behind(String name, String pin, int releases) {
		return new RepoResult(T + name, Classification.ENUMERATED, false, pin, new Lag(releases, 41L, LagLevel.PATCH),
				List.of(new Finding(FindingCode.PIN_DRIFT, Severity.WARNING,
						"pinned " + pin + ", " + releases + " releases behind 0.3.27 (41 days)")));
	}

	static RepoResult unlisted(String name) {
		return new RepoResult(T + name, Classification.UNLISTED_PINNED, false, "0.3.27",
				new Lag(0, 0L, LagLevel.NONE), List.of(new Finding(FindingCode.UNLISTED_PINNED, Severity.ERROR,
						"pins the runtime (0.3.27) but is neither a consumer nor exempt in the policy; add it to one of them")));
	}

	/** An organisation far too large for one issue body: every repository behind, with long messages. */
	static RunReport largeRun(int repos) {
		List<RepoResult> results = new ArrayList<>();
		for (int i = 0; i < repos; i++) {
			results.add(behind(String.format("generated-%05d", i), "0.3.1", 26));
		}
		results.add(unlisted("rogue"));
		return run(7, RunStatus.FAIL, results.toArray(RepoResult[]::new));
	}

	static URI reportUrl() {
		return URI.create("https://reports.example.com/drift/drift-report.html");
	}
}
