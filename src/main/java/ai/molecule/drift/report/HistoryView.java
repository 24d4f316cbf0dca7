package ai.molecule.drift.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;

/**
 * A run's history as the report templates see it; public because FreeMarker reads it through reflection.
 *
 * @param available whether history was consulted; without it the templates leave the history sections out
 * @param trend the org trend chart; {@code null} without history
 * @param sparklines per repository name, its lag over the trend's runs (only repositories with a lag in one of them)
 * @param changes what changed since the previous run; {@code null} without history
 */
public record HistoryView(boolean available, TrendChart trend, Map<String, Sparkline> sparklines,
		RunChanges changes) {

	static HistoryView of(RunReport report, RunHistory history) {
		RunChanges changes = history.available() ? RunChanges.between(history.previous(), report) : null;
		if (!history.available() || history.trend().isEmpty()) {
			return new HistoryView(history.available(), null, Map.of(), changes);
		}
		Map<String, Sparkline> sparklines = new LinkedHashMap<>();
		// A repository whose lag was never measured (no pin, invalid pin) gets no empty box.
		history.lagSeries()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().stream().anyMatch(Objects::nonNull))
			.forEach(e -> sparklines.put(Invisible.strip(e.getKey()), Sparkline.of(e.getValue())));
		return new HistoryView(true, TrendChart.of(history.trend()), sparklines, changes);
	}
}
