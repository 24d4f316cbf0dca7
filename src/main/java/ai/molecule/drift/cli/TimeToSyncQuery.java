package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.molecule.drift.history.HistoryOutput;
import ai.molecule.drift.history.HistoryQueries;
import ai.molecule.drift.history.HistoryScope;
import ai.molecule.drift.history.ReleaseSync;
import ai.molecule.drift.lag.Version;

/** {@code history time-to-sync}: per release, how long each enumerated consumer took to pin it. */
@Command(name = "time-to-sync", description = { "For each release that was the SSOT of a run (newest first), or "
		+ "only the given release: for each consumer enumerated in the latest measured run, how many days after the "
		+ "release's publication the first run saw it pinned at or above the release (synced), or for how many days "
		+ "it has not been, as of the latest run (pending). A consumer's last known pin carries over runs that could "
		+ "not read it.",
		"With the median and the 90th percentile (nearest rank; \"pending\" when that rank is still pending). A "
				+ "release published before the first recorded run gets upper bounds, and says so.",
		"Where the job proposed the bump (drift.propose.enabled), the days split in two: toProposalDays (table: "
				+ "toProposal), from the publication to the first proposal that took the consumer to the release or "
				+ "a later one, and proposalToSyncDays (proposalToSync), from that proposal to the sync." })
final class TimeToSyncQuery extends HistoryQuery {

	@Option(names = "--release", paramLabel = "V", converter = HistoryOptionTypes.VersionConverter.class,
			description = "only this release (any release a run knew, not only SSOTs), such as 0.3.27")
	Version release;

	TimeToSyncQuery(Terminal terminal, HistoryDatabase database) {
		super(terminal, database);
	}

	@Override
	String document(HistoryQueries queries, HistoryScope scope, HistoryOutput output, PrintStream notes) {
		List<ReleaseSync> releases = queries.timeToSync(scope, release);
		if (releases.isEmpty()) {
			notes.println((release != null) ? "No complete run of " + scope.org() + " knew release " + release + "."
					: "No complete run of " + scope.org() + " resolved an SSOT release yet.");
		}
		return output.timeToSync(releases);
	}
}
