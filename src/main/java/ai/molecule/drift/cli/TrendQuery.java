package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.molecule.drift.history.HistoryOutput;
import ai.molecule.drift.history.HistoryQueries;
import ai.molecule.drift.history.HistoryScope;
import ai.molecule.drift.history.TrendRow;

/** {@code history trend}: one row per run for the organisation. */
@Command(name = "trend", description = "One row per complete run: runId, startedAt, status, ssot, repos, the count "
		+ "per classification (enumerated, exempt, unlistedPinned, clean, unknown), behind (repositories behind the "
		+ "SSOT), and medianLagReleases, maxLagReleases, medianLagDays, maxLagDays over the pins with a measured lag "
		+ "(in sync counts as 0). Lag figures are empty for a run whose SSOT was unresolved: nothing was measured.")
final class TrendQuery extends HistoryQuery {

	@Option(names = "--since", paramLabel = "90d|2026-01-01", converter = HistoryOptionTypes.SinceConverter.class,
			description = "only runs started at or after: days back (90d) or a date (2026-01-01)")
	HistoryOptionTypes.Since since;

	TrendQuery(Terminal terminal, HistoryDatabase database) {
		super(terminal, database);
	}

	@Override
	String document(HistoryQueries queries, HistoryScope scope, HistoryOutput output, PrintStream notes) {
		List<TrendRow> rows = queries.trend(scope,
				(since != null) ? since.from(Clock.systemUTC()) : Instant.EPOCH);
		if (rows.isEmpty()) {
			notes.println("No complete run of " + scope.org() + " on " + scope.forgeType() + " is recorded"
					+ ((since != null) ? " since then" : "") + ".");
		}
		return output.trend(rows);
	}
}
