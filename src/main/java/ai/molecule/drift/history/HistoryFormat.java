package ai.molecule.drift.history;

import java.util.Locale;
import java.util.Optional;

/** How {@code history} prints its answer: aligned for a terminal, or a document for scripts. */
public enum HistoryFormat {
	TABLE, CSV, JSON;

	public static Optional<HistoryFormat> fromId(String id) {
		for (HistoryFormat format : values()) {
			if (format.name().toLowerCase(Locale.ROOT).equals(id)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}
}
