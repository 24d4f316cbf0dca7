package ai.molecule.drift.jar;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader for the {@code --format csv} output: quoted cells, doubled quotes, CRLF or LF. */
final class Csv {

	private Csv() {
	}

	/** The records of a CSV document, header first. */
	static List<List<String>> parse(String document) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < document.length(); i++) {
			char c = document.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < document.length() && document.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < document.length() && document.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !record.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}
}
