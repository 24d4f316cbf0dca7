package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.molecule.drift.history.HistoryOutput;
import ai.molecule.drift.history.HistoryQueries;
import ai.molecule.drift.history.HistoryScope;
import ai.molecule.drift.history.RepoRun;

/** {@code history repo NAME}: one row per run for one repository. */
@Command(name = "repo", description = { "One row per complete run from the one that first scanned NAME (name "
		+ "compared ignoring case): runId, startedAt, runStatus, ssot, classification, archived, pin, lagReleases, "
		+ "lagDays, lagLevel, state, findings (their codes) and contracts (each vendored file as path=state: "
		+ "in-sync, drift, lock-mismatch, source-missing, invalid or not-adopted).",
		"state is behind, in-sync, ahead, no-pin, invalid-pin, unmeasured (the run had no SSOT), unreadable (the run "
				+ "could not read it: never clean) or not-scanned (an error run that stopped before reaching it)." })
final class RepoQuery extends HistoryQuery {

	@Parameters(paramLabel = "NAME", description = "the repository")
	String name;

	@Option(names = "--since", paramLabel = "90d|2026-01-01", converter = HistoryOptionTypes.SinceConverter.class,
			description = "only runs started at or after: days back (90d) or a date (2026-01-01)")
	HistoryOptionTypes.Since since;

	RepoQuery(Terminal terminal, HistoryDatabase database) {
		super(terminal, database);
	}

	@Override
	String document(HistoryQueries queries, HistoryScope scope, HistoryOutput output, PrintStream notes) {
		Instant from = (since != null) ? since.from(Clock.systemUTC()) : Instant.EPOCH;
		List<RepoRun> rows = queries.repo(scope, name, from);
		if (rows.isEmpty()) {
			notes.println("No complete run of " + scope.org() + " scanned that repository"
					+ ((since != null) ? " since " + from : "") + ".");
		}
		return output.repo(rows);
	}
}
