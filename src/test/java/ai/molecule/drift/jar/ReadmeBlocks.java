package ai.molecule.drift.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of README.md and of the documents beside it ({@code docs/*.md}), and the command lines of a
 * shell block: continuation lines ({@code \}) and quotes that span lines joined, comment lines and trailing comments
 * left out.
 */
final class ReadmeBlocks {

	private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([A-Za-z0-9_+-]*)\\s*$");

	private ReadmeBlocks() {
	}

	/**
	 * A fenced block: the document it is in (such as {@code docs/performance.md}), the line of its opening fence
	 * (1-based), its language ("" when unlabelled), its lines.
	 */
	record Block(String file, int line, String language, List<String> lines) {

		String where() {
			return file + ":" + line + (language.isEmpty() ? "" : " (" + language + ")");
		}
	}

	/** A command line of a shell block, the document and the line it starts on. */
	record Command(String file, int line, String text) {

		String where() {
			return file + ":" + line;
		}
	}

	static Path readme() {
		return Path.of(System.getProperty("drift.readme", "README.md")).toAbsolutePath();
	}

	/** README.md, then the documents of {@code docs/} beside it, by name: where commands moved out of it went. */
	static List<Path> documents() {
		Path readme = readme();
		Path docs = readme.resolveSibling("docs");
		List<Path> documents = new ArrayList<>(List.of(readme));
		if (Files.isDirectory(docs)) {
			try (Stream<Path> files = Files.list(docs)) {
				files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return documents;
	}

	/** The fenced blocks of every document, README.md's first. */
	static List<Block> readAll() {
		List<Block> blocks = new ArrayList<>();
		for (Path document : documents()) {
			blocks.addAll(read(document));
		}
		return blocks;
	}

	/** The document's name as the tests show it: its path from the README's folder. */
	static String name(Path document) {
		return readme().getParent().relativize(document.toAbsolutePath()).toString();
	}

	static List<Block> read(Path document) {
		String file = name(document);
		List<String> lines;
		try {
			lines = Files.readAllLines(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				continue;
			}
			int start = i;
			List<String> body = new ArrayList<>();
			for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
				body.add(lines.get(i));
			}
			if (i == lines.size()) {
				throw new IllegalStateException(file + ":" + (start + 1) + ": a code block is never closed");
			}
			blocks.add(new Block(file, start + 1, open.group(1), List.copyOf(body)));
		}
		return blocks;
	}

	/** The block's command lines, as a shell reads them. */
	static List<Command> commands(Block block) {
		List<Command> commands = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		int startLine = 0;
		for (int i = 0; i < block.lines().size(); i++) {
			String line = block.lines().get(i);
			if (pending.length() == 0) {
				if (line.isBlank() || line.trim().startsWith("#")) {
					continue;
				}
				startLine = block.line() + 1 + i;
			}
			else {
				pending.append(openQuote(pending) ? "\n" : " ");
				line = line.trim();
			}
			int from = pending.length();
			pending.append(line);
			int comment = commentStart(pending, from);
			if (comment >= 0) {
				pending.setLength(comment);
				while (pending.length() > 0 && Character.isWhitespace(pending.charAt(pending.length() - 1))) {
					pending.setLength(pending.length() - 1);
				}
			}
			if (pending.toString().endsWith("\\") && !openQuote(pending)) {
				pending.setLength(pending.length() - 1);
				while (pending.length() > 0 && Character.isWhitespace(pending.charAt(pending.length() - 1))) {
					pending.setLength(pending.length() - 1);
				}
				continue;
			}
			if (openQuote(pending)) {
				continue;
			}
			commands.add(new Command(block.file(), startLine, pending.toString().trim()));
			pending.setLength(0);
		}
		if (pending.length() > 0) {
			throw new IllegalStateException(block.where() + ": the last command line is never finished");
		}
		return commands;
	}

	/** Whether a single or double quote is still open at the end of the text. */
	private static boolean openQuote(CharSequence text) {
		return quoteAt(text, text.length()) != 0;
	}

	private static char quoteAt(CharSequence text, int end) {
		char quote = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (quote == 0 && c == '\\' && i + 1 < end) {
				i++;
			}
			else if (quote == 0 && (c == '\'' || c == '"')) {
				quote = c;
			}
			else if (quote == '"' && c == '\\' && i + 1 < end) {
				i++;
			}
			else if (c == quote) {
				quote = 0;
			}
		}
		return quote;
	}

	/** Where a {@code # comment} starts at or after {@code from} (a {@code #} after a blank, outside quotes), or -1. */
	private static int commentStart(CharSequence text, int from) {
		for (int i = Math.max(1, from); i < text.length(); i++) {
			if (text.charAt(i) == '#' && Character.isWhitespace(text.charAt(i - 1)) && quoteAt(text, i) == 0) {
				return i;
			}
		}
		return -1;
	}
}
