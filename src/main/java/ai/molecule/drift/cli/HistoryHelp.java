package ai.molecule.drift.cli;

import java.util.Map;

/** The {@code --help} texts of {@code history} and of each of its queries. */
final class HistoryHelp {

	static final String USAGE = """
			Usage: java -jar consumer-drift.jar history QUERY [options] [--name=value ...]

			Queries over the persisted runs of one organisation (drift.org) on its forge (drift.forge.type):
			  repo NAME      one row per run for one repository
			  trend          one row per run for the organisation
			  time-to-sync   per release, how long each enumerated consumer took to pin it
			  worst          the repositories furthest (or longest) behind the SSOT

			Every query takes --format table|csv|json (default table; csv and json print only the document)
			and --help. --demo reads the history that "scan --demo" writes. The database is
			spring.datasource.url (SPRING_DATASOURCE_URL), as for scan. Only complete runs are read (pass,
			fail, error); a run that crashed or was killed never is.
			""";

	private static final String FORMAT = """
			  --format F    table (aligned for a terminal, the default), csv or json
			  --demo        read the history of "scan --demo"
			""";

	private static final String SINCE = """
			  --since S     only runs started at or after S: days back (90d) or a date (2026-01-01)
			""";

	static final Map<String, String> QUERIES = Map.of("repo", """
			Usage: java -jar consumer-drift.jar history repo NAME [--since 90d|2026-01-01] [--format table|csv|json]

			One row per complete run from the one that first scanned NAME (name compared ignoring case):
			runId, startedAt, runStatus, ssot, classification, archived, pin, lagReleases, lagDays, lagLevel,
			state and findings (their codes). state is behind, in-sync, ahead, no-pin, invalid-pin, unmeasured
			(the run had no SSOT), unreadable (the run could not read it: never clean) or not-scanned (an error
			run that stopped before reaching it).

			""" + SINCE + FORMAT, "trend", """
			Usage: java -jar consumer-drift.jar history trend [--since 90d|2026-01-01] [--format table|csv|json]

			One row per complete run: runId, startedAt, status, ssot, repos, the count per classification
			(enumerated, exempt, unlistedPinned, clean, unknown), behind (repositories behind the SSOT), and
			medianLagReleases, maxLagReleases, medianLagDays, maxLagDays over the pins with a measured lag (in
			sync counts as 0). Lag figures are empty for a run whose SSOT was unresolved: nothing was measured.

			""" + SINCE + FORMAT, "time-to-sync", """
			Usage: java -jar consumer-drift.jar history time-to-sync [--release 0.3.27] [--format table|csv|json]

			For each release that was the SSOT of a run (newest first), or only the given release: for each
			consumer enumerated in the latest measured run, how many days after the release's publication the
			first run saw it pinned at or above the release (synced), or for how many days it has not been, as
			of the latest run (pending). A consumer's last known pin carries over runs that could not read it.
			With the median and the 90th percentile (nearest rank; "pending" when that rank is still pending).
			A release published before the first recorded run gets upper bounds, and says so.

			  --release V   only this release (any release a run knew, not only SSOTs)
			""" + FORMAT, "worst", """
			Usage: java -jar consumer-drift.jar history worst [--limit 10] [--by lag|age] [--format table|csv|json]

			The repositories behind the SSOT in the latest measured run, worst first: rank, repo,
			classification, pin, lagReleases, lagDays, lagLevel, behindSince (the first run of its current
			streak behind), behindDays and lastKnown (the latest run could not read it: its last known pin is
			measured instead). Archived repositories are left out.

			  --limit N     how many (default 10)
			  --by lag|age  rank by releases behind (the default) or by how long behind
			""" + FORMAT);

	private HistoryHelp() {
	}
}
