package ai.molecule.drift.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text that comes from repositories safe to put into a GitHub or Gitea flavoured Markdown issue
 * body; public because the Markdown template calls it through FreeMarker's bean wrapper.
 */
public final class MarkdownEscaper {

	// Invisible, but it breaks the "@name" and "#123" patterns that forges turn into pings and
	// cross-references after rendering, when a backslash escape has already been consumed.
	private static final char WORD_JOINER = '\u2060';

	// Every character that can start emphasis, code, links, images, HTML, entities, strikethrough or
	// a table cell; backslash-escaping any ASCII punctuation is always allowed by CommonMark.
	private static final String ESCAPED = "\\`*_[]<>|~&!";

	// A list or block marker at the start of a list item's text would start a nested block.
	private static final Pattern BLOCK_START = Pattern.compile("^(?:[-+]|\\d{1,9}[.)])");

	// GFM's extended autolinks turn "www.", "http://", "https://" (and any "scheme://") into links in
	// plain text and table cells, backslash escapes or not; a word joiner breaks the pattern invisibly.
	// Addresses ("a@b.example", "mailto:", "xmpp:") are broken by the joiner after every "@".
	private static final Pattern AUTOLINK = Pattern.compile("(?i)(?<=www)(?=\\.)|(?<=:)(?=//)");

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]+");

	/**
	 * Plain text on one line, with Markdown, HTML, autolinks, mentions and issue references made inert;
	 * safe in a table cell too, since {@code |} is escaped.
	 */
	public String text(String raw) {
		String line = singleLine(raw);
		StringBuilder out = new StringBuilder(line.length() + 16);
		Matcher start = BLOCK_START.matcher(line);
		int from = 0;
		if (start.find()) {
			out.append(line, 0, start.end() - 1).append('\\').append(line.charAt(start.end() - 1));
			from = start.end();
		}
		for (int i = from; i < line.length(); i++) {
			char c = line.charAt(i);
			if (ESCAPED.indexOf(c) >= 0) {
				out.append('\\').append(c);
			}
			else if (c == '@' || c == '#') {
				out.append(c).append(WORD_JOINER);
			}
			else {
				out.append(c);
			}
		}
		return AUTOLINK.matcher(out).replaceAll(String.valueOf(WORD_JOINER));
	}

	/**
	 * An inline code span showing {@code raw} literally: its backtick fence is longer than any backtick
	 * run inside, padded with spaces when the content starts or ends with a backtick; empty for no text.
	 */
	public String code(String raw) {
		String content = singleLine(raw);
		if (content.isEmpty()) {
			return "";
		}
		// Code spans show HTML comments literally, but the raw body still holds "<!--": a word joiner
		// keeps repository text from ever spelling one of the tool's own hidden markers.
		content = content.replace("<!--", "<" + WORD_JOINER + "!--");
		String fence = "`".repeat(longestRun(content, '`') + 1);
		// CommonMark strips one space from each side when both are present, so padding is invisible.
		String pad = content.startsWith("`") || content.endsWith("`") ? " " : "";
		return fence + pad + content + pad + fence;
	}

	/**
	 * {@link #code(String)} for a table cell: GFM splits rows on {@code |} before it parses code spans,
	 * and unescapes {@code \|} inside them, so the pipe is escaped even within the span.
	 */
	public String cellCode(String raw) {
		return code(raw).replace("|", "\\|");
	}

	/** One line: line breaks become a space, other control and invisible formatting characters go. */
	static String singleLine(String raw) {
		if (raw == null) {
			return "";
		}
		String spaced = LINE_BREAKS.matcher(raw).replaceAll(" ");
		StringBuilder out = new StringBuilder(spaced.length());
		spaced.codePoints()
			.filter(cp -> Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.FORMAT)
			.forEach(out::appendCodePoint);
		return out.toString().strip();
	}

	private static int longestRun(String text, char c) {
		int longest = 0;
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			run = text.charAt(i) == c ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return longest;
	}
}
