package ai.molecule.drift.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rows of named cells, printed as an aligned table, as CSV (RFC 4180 quoting) or as a JSON array of
 * objects; the same names head the CSV columns and key the JSON fields.
 *
 * @param columns the cell names
 * @param rows the cells: strings, numbers, booleans, instants, lists of strings or {@code null}
 */
record HistoryTable(List<String> columns, List<List<Object>> rows) {

	private static final DateTimeFormatter TERMINAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	HistoryTable(String... columns) {
		this(List.of(columns), new ArrayList<>());
	}

	HistoryTable add(Object... cells) {
		rows.add(Arrays.asList(cells));
		return this;
	}

	String table() {
		List<List<String>> lines = new ArrayList<>();
		lines.add(columns);
		rows.forEach(row -> lines.add(row.stream().map(HistoryTable::terminal).toList()));
		int[] widths = new int[columns.size()];
		lines.forEach(line -> {
			for (int i = 0; i < line.size(); i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		});
		StringBuilder out = new StringBuilder();
		for (List<String> line : lines) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.size(); i++) {
				text.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line.get(i)));
			}
			out.append(text.toString().stripTrailing()).append('\n');
		}
		return out.toString();
	}

	String csv() {
		StringBuilder out = new StringBuilder();
		out.append(columns.stream().map(HistoryTable::csvCell).collect(Collectors.joining(","))).append('\n');
		rows.forEach(row -> out.append(row.stream().map(HistoryTable::csvCell).collect(Collectors.joining(",")))
			.append('\n'));
		return out.toString();
	}

	ArrayNode json(JsonMapper mapper) {
		ArrayNode array = mapper.createArrayNode();
		rows.forEach(row -> array.add(object(mapper, row)));
		return array;
	}

	ObjectNode object(JsonMapper mapper, List<Object> row) {
		ObjectNode node = mapper.createObjectNode();
		for (int i = 0; i < columns.size(); i++) {
			Object cell = row.get(i);
			String name = columns.get(i);
			if (cell == null) {
				node.putNull(name);
			}
			else if (cell instanceof Integer n) {
				node.put(name, n);
			}
			else if (cell instanceof Long n) {
				node.put(name, n);
			}
			else if (cell instanceof Double n) {
				node.put(name, n);
			}
			else if (cell instanceof Boolean b) {
				node.put(name, b);
			}
			else if (cell instanceof Collection<?> list) {
				ArrayNode items = node.putArray(name);
				list.forEach(item -> items.add(String.valueOf(item)));
			}
			else {
				node.put(name, text(cell));
			}
		}
		return node;
	}

	/** ISO-8601 UTC to the second for instants; numbers without a useless ".0". */
	static String text(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Instant instant) {
			return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
		}
		if (cell instanceof Double d) {
			return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.1f", d);
		}
		if (cell instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
		}
		return String.valueOf(cell);
	}

	private static String terminal(Object cell) {
		if (cell == null) {
			return "-";
		}
		String text = cell instanceof Instant instant ? TERMINAL_TIME.format(instant) : text(cell);
		// Never let text from a repository drive the terminal (escape sequences).
		return text.isEmpty() ? "-" : text.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static String csvCell(Object cell) {
		String text = text(cell);
		// A spreadsheet would run text starting like a formula (OWASP "CSV injection"): a pin is repository content.
		if (!(cell instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
