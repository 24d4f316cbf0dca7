package ai.molecule.drift.cli;

import java.io.PrintStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.molecule.drift.history.HistoryOutput;
import ai.molecule.drift.history.HistoryQueries;
import ai.molecule.drift.history.HistoryScope;

/** {@code history worst}: the repositories furthest (or longest) behind the SSOT. */
@Command(name = "worst", description = "The repositories behind the SSOT in the latest measured run, worst first: "
		+ "rank, repo, classification, pin, lagReleases, lagDays, lagLevel, behindSince (the first run of its current "
		+ "streak behind), behindDays and lastKnown (the latest run could not read it: its last known pin is measured "
		+ "instead). Archived repositories are left out.")
final class WorstQuery extends HistoryQuery {

	@Option(names = "--limit", paramLabel = "N", converter = HistoryOptionTypes.LimitConverter.class,
			description = "how many (default 10, at most 10000)")
	int limit = 10;

	@Option(names = "--by", paramLabel = "lag|age", converter = HistoryOptionTypes.RankConverter.class,
			description = "rank by releases behind (the default) or by how long behind")
	HistoryOptionTypes.Rank by = HistoryOptionTypes.Rank.LAG;

	WorstQuery(Terminal terminal, HistoryDatabase database) {
		super(terminal, database);
	}

	@Override
	String document(HistoryQueries queries, HistoryScope scope, HistoryOutput output, PrintStream notes) {
		return output.worst(queries.worst(scope, limit, by == HistoryOptionTypes.Rank.AGE));
	}
}
