package ai.molecule.drift.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.lag.SsotSource;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;

/**
 * Renders the three reports of a run: HTML and Markdown from the FreeMarker templates of
 * {@code reports-templates/}, JSON with Jackson. It reads nothing but templates: the run and its history
 * are arguments, read once by the caller (so a size-bounded issue body can re-render cheaply).
 */
public final class ReportRenderer {

	static final String HTML_TEMPLATE = "drift-report.html.ftlh";

	static final String MARKDOWN_TEMPLATE = "drift-report.md.ftl";

	private final Configuration freemarker;

	private final JsonReport json = new JsonReport();

	private final MarkdownEscaper markdownEscaper = new MarkdownEscaper();

	/**
	 * @param freemarker finds the templates by name; needs {@code incompatible_improvements} 2.3.34 (the
	 *     templates read records), standard file extensions recognised (so {@code .ftlh} escapes HTML), and
	 *     preferably {@code template_exception_handler=rethrow}
	 */
	public ReportRenderer(Configuration freemarker) {
		this.freemarker = freemarker;
	}

	/**
	 * @param runHistory the run's history, for the trend chart, the sparklines and the changes section;
	 *     {@link RunHistory#none()} leaves those out
	 */
	public String render(ReportFormat format, RunReport report, RunHistory runHistory) {
		return switch (format) {
			case HTML -> template(HTML_TEMPLATE, report, runHistory);
			case MARKDOWN -> template(MARKDOWN_TEMPLATE, report, runHistory);
			case JSON -> json(report);
		};
	}

	/**
	 * Renders a small sample run in every format and throws the result away: the templates are parsed
	 * and their code run once, so that the run's own reports render quickly. Meant for a background
	 * thread while the scan waits on the network.
	 */
	public void warmUp() {
		Instant at = Instant.EPOCH;
		Ssot ssot = new Ssot(Version.of(1, 0, 1), SsotSource.RELEASE_TAG, "warm-up", at, null);
		RepoResult repo = new RepoResult("warm-up", Classification.ENUMERATED, false, "1.0.0",
				new Lag(1, 1L, LagLevel.PATCH), List.of(new Finding(FindingCode.PIN_DRIFT, Severity.WARNING, "warm-up")));
		RunReport sample = new RunReport(0, at, at, RunStatus.PASS, List.of(),
				new RunReport.ForgeInfo("warm-up", "", "", ""), ssot, List.of(repo));
		for (ReportFormat format : ReportFormat.values()) {
			render(format, sample, RunHistory.none());
		}
	}

	/** The HTML report of a run shown without history. */
	public String html(RunReport report) {
		return render(ReportFormat.HTML, report, RunHistory.none());
	}

	/** The Markdown report of a run shown without history. */
	public String markdown(RunReport report) {
		return render(ReportFormat.MARKDOWN, report, RunHistory.none());
	}

	public String json(RunReport report) {
		return json.write(report);
	}

	/**
	 * Renders another template of the report folder (an issue body, say) with the run as {@code run}, the
	 * Markdown escaper as {@code md}, {@code runHistory} as {@code history}, and {@code extras} beside them.
	 */
	public String render(String template, RunReport report, RunHistory runHistory, Map<String, Object> extras) {
		return template(template, report, runHistory, extras);
	}

	private String template(String name, RunReport report, RunHistory runHistory) {
		return template(name, report, runHistory, Map.of());
	}

	private String template(String name, RunReport report, RunHistory runHistory, Map<String, Object> extras) {
		// Helpers travel in the data model, so the Configuration needs no shared variables.
		Map<String, Object> model = new HashMap<>(extras);
		model.put("run", ReportView.of(report));
		model.put("md", markdownEscaper);
		model.put("history", HistoryView.of(report, runHistory));
		StringWriter out = new StringWriter();
		try {
			freemarker.getTemplate(name).process(model, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read report template " + name, ex);
		}
		catch (TemplateException ex) {
			throw new IllegalStateException("cannot render report template " + name + ": " + ex.getMessage(), ex);
		}
		return out.toString();
	}
}
