package ai.molecule.drift.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code drift.history.*} settings: how long runs are kept and how much history the reports draw.
 *
 * @param retentionDays runs that started more than this many days ago are pruned at the end of every
 *     successful run (pass or fail) of the same {@link HistoryScope}; {@code 0} keeps everything
 * @param chartRuns how many of the latest runs the HTML report's trend chart and sparklines show
 */
@ConfigurationProperties("drift.history")
public record HistoryProperties(
		@DefaultValue("400") int retentionDays,
		@DefaultValue("90") int chartRuns) {

	public HistoryProperties {
		if (retentionDays < 0 || retentionDays > 36_500) {
			throw new IllegalArgumentException(
					"drift.history.retention-days must be between 0 (keep everything) and 36500, not " + retentionDays);
		}
		if (chartRuns < 2 || chartRuns > 1_000) {
			throw new IllegalArgumentException("drift.history.chart-runs must be between 2 and 1000, not " + chartRuns);
		}
	}
}
