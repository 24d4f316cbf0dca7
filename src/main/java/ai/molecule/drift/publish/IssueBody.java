package ai.molecule.drift.publish;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.report.ReportFormat;
import ai.molecule.drift.report.ReportRenderer;
import ai.molecule.drift.report.RunChanges;

/**
 * Renders the issue body from {@code drift-issue.md.ftl} within a character budget: GitHub refuses
 * bodies over 65,536 characters. When the whole report does not fit, the per-repository table loses
 * whole rows from its end first, then the list of changes, then the list of failures, each saying how
 * much was left out and where the full report is; the headline always stays. Every probe of that search
 * re-renders from the arguments alone: nothing is read again.
 */
final class IssueBody {

	static final String TEMPLATE = "drift-issue.md.ftl";

	/**
	 * GitHub's limit is 65,536 characters; {@link String#length()} counts UTF-16 units, never fewer
	 * than GitHub's characters, and the margin leaves room for line ends a forge may widen to CRLF.
	 */
	static final int DEFAULT_BUDGET = 64_000;

	private final ReportRenderer renderer;

	private final int budget;

	IssueBody(ReportRenderer renderer, int budget) {
		this.renderer = renderer;
		this.budget = budget;
	}

	/**
	 * @param changes since the previous run, computed once by the caller
	 * @param marker the hidden marker the body starts with (the issue's, or a comment's)
	 * @param reportUrl where the full HTML report is; {@code null} when unknown
	 */
	String render(RunReport report, RunChanges changes, String marker, URI reportUrl) {
		Function<Limits, String> renderWith = (limits) -> render(report, changes, marker, reportUrl, limits);
		int rows = report.repos().size();
		int attention = (int) report.repos().stream().filter((r) -> r.failsRun() || r.unreadable()).count();
		int changed = changes.repos().size();
		String body = renderWith.apply(new Limits(rows, attention, changed));
		if (fits(body)) {
			return body;
		}
		int keptRows = largest(rows, (n) -> fits(renderWith.apply(new Limits(n, attention, changed))));
		if (keptRows > 0) {
			return renderWith.apply(new Limits(keptRows, attention, changed));
		}
		int keptChanges = largest(changed, (n) -> fits(renderWith.apply(new Limits(0, attention, n))));
		body = renderWith.apply(new Limits(0, attention, keptChanges));
		if (fits(body)) {
			return body;
		}
		int keptAttention = largest(attention, (n) -> fits(renderWith.apply(new Limits(0, n, 0))));
		body = renderWith.apply(new Limits(0, keptAttention, 0));
		return fits(body) ? body : cut(body);
	}

	private boolean fits(String body) {
		return body.length() <= budget;
	}

	/** The largest n in [0, max] that fits (fitting is monotonic: fewer items, shorter body). */
	private static int largest(int max, IntPredicate fits) {
		int low = 0;
		int high = max;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (fits.test(mid)) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low;
	}

	/** Reasons so long that even the headline overflows: cut at a line, and say so. */
	private String cut(String body) {
		String note = "\n\n*The rest of this report was cut to fit the issue.*\n";
		int end = body.lastIndexOf('\n', budget - note.length());
		return body.substring(0, Math.max(0, end)) + note;
	}

	private String render(RunReport report, RunChanges changes, String marker, URI reportUrl, Limits limits) {
		Map<String, Object> model = new HashMap<>();
		model.put("marker", marker);
		model.put("runSeparator", IssueMarker.RUN_SEPARATOR);
		model.put("changes", changes);
		model.put("rowLimit", limits.rows());
		model.put("attentionLimit", limits.attention());
		model.put("changeLimit", limits.changes());
		model.put("reportFile", ReportFormat.HTML.fileName());
		if (reportUrl != null) {
			model.put("reportUrl", reportUrl.toString());
		}
		// The issue shows no trend: of the history it shows only the changes, passed in as they are.
		return renderer.render(TEMPLATE, report, RunHistory.none(), model);
	}

	/** How many table rows, failures and changes are shown. */
	private record Limits(int rows, int attention, int changes) {
	}
}
