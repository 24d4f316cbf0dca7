package ai.molecule.drift.publish;

import java.util.Locale;

/**
 * The hidden HTML comments that make the tracking issue findable and tell the stable part of a body
 * from its per-run footer: the issue is the one whose body starts with
 * {@code <!-- consumer-drift:report org=NAME -->}, never found by title alone, and a body that differs
 * only after its last {@code <!-- consumer-drift:run -->} line (run number, times) is not worth a write.
 * Both count only as whole lines at their fixed places: repository text is always inside a line (a table
 * cell, a list item), so a pin or a name quoting a marker can neither claim an issue nor freeze one.
 */
final class IssueMarker {

	private static final String MARKER_START = "<!-- consumer-drift:";

	/** Separates what a report says from when it was made. */
	static final String RUN_SEPARATOR = "<!-- consumer-drift:run -->";

	private IssueMarker() {
	}

	/** The marker of the organisation's issue; names are compared ignoring case, as forges do. */
	static String report(String org) {
		return "<!-- consumer-drift:report org=" + org.toLowerCase(Locale.ROOT) + " -->";
	}

	/** The marker of a report posted as a comment. */
	static String comment(String org) {
		return "<!-- consumer-drift:comment org=" + org.toLowerCase(Locale.ROOT) + " -->";
	}

	/**
	 * The part of a body that says something: without the marker line (an issue's and a comment's
	 * differ) and the per-run footer; forges may turn line ends into CRLF, which is no change either.
	 */
	static String stablePart(String body) {
		String text = (body == null) ? "" : body.replace("\r\n", "\n");
		int cut = text.lastIndexOf("\n" + RUN_SEPARATOR + "\n");
		text = ((cut < 0) ? text : text.substring(0, cut)).strip();
		if (text.startsWith(MARKER_START)) {
			int end = text.indexOf('\n');
			text = (end < 0) ? "" : text.substring(end + 1).strip();
		}
		return text;
	}

	/**
	 * Whether {@code body} is the one {@code marker} names: its first line is the marker, nothing else.
	 * A marker quoted anywhere further down (by a pull request, or by repository text in another org's
	 * report) does not count.
	 */
	static boolean starts(String body, String marker) {
		if (body == null) {
			return false;
		}
		String text = body.replace("\r\n", "\n").stripLeading();
		int end = text.indexOf('\n');
		return ((end < 0) ? text : text.substring(0, end)).strip().equals(marker);
	}

	static boolean sameReport(String a, String b) {
		return stablePart(a).equals(stablePart(b));
	}
}
