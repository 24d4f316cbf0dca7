package ai.molecule.drift.history;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints the answers of the history queries as an aligned table, CSV or JSON. Field names are the same
 * in CSV and JSON; instants are ISO-8601 UTC; a missing value is empty in CSV, {@code null} in JSON and
 * a dash in a table.
 */
public final class HistoryOutput {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final HistoryFormat format;

	public HistoryOutput(HistoryFormat format) {
		this.format = format;
	}

	public String repo(List<RepoRun> rows) {
		HistoryTable table = new HistoryTable("runId", "startedAt", "runStatus", "ssot", "classification", "archived",
				"pin", "lagReleases", "lagDays", "lagLevel", "state", "findings", "contracts");
		rows.forEach(r -> table.add(r.runId(), r.startedAt(), r.runStatus(), r.ssot(), r.classification(), r.archived(),
				r.pin(), r.lagReleases(), r.lagDays(), r.lagLevel(), r.state(), r.findings(), r.contracts()));
		return print(table);
	}

	public String trend(List<TrendRow> rows) {
		HistoryTable table = new HistoryTable("runId", "startedAt", "status", "ssot", "repos", "enumerated", "exempt",
				"unlistedPinned", "clean", "unknown", "behind", "medianLagReleases", "maxLagReleases", "medianLagDays",
				"maxLagDays");
		rows.forEach(r -> table.add(r.runId(), r.startedAt(), r.status(), r.ssot(), r.repos(), r.enumerated(),
				r.exempt(), r.unlistedPinned(), r.clean(), r.unknown(), r.behind(), r.medianLagReleases(),
				r.maxLagReleases(), r.medianLagDays(), r.maxLagDays()));
		return print(table);
	}

	public String worst(List<WorstRow> rows) {
		HistoryTable table = new HistoryTable("rank", "repo", "classification", "pin", "lagReleases", "lagDays",
				"lagLevel", "behindSince", "behindDays", "lastKnown");
		rows.forEach(r -> table.add(r.rank(), r.repo(), r.classification(), r.pin(), r.lagReleases(), r.lagDays(),
				r.lagLevel(), r.behindSince(), r.behindDays(), r.lastKnown()));
		return print(table);
	}

	/** JSON nests the consumers in their release; CSV repeats the release's figures on each consumer's row. */
	public String timeToSync(List<ReleaseSync> releases) {
		return switch (format) {
			case JSON -> json(syncJson(releases));
			case CSV -> syncRows(releases).csv();
			case TABLE -> syncTable(releases);
		};
	}

	private HistoryTable syncRows(List<ReleaseSync> releases) {
		HistoryTable table = new HistoryTable("release", "publishedAt", "historyStartsLater", "medianDays", "p90Days",
				"consumer", "status", "days", "runId", "seenAt", "pin", "toProposalDays", "proposalToSyncDays");
		for (ReleaseSync release : releases) {
			for (ConsumerSync c : release.consumers()) {
				table.add(release.release(), release.publishedAt(), release.historyStartsLater(), release.medianDays(),
						release.p90Days(), c.consumer(), c.status(), c.days(), c.runId(), c.seenAt(), c.pin(),
						c.toProposalDays(), c.proposalToSyncDays());
			}
		}
		return table;
	}

	private ArrayNode syncJson(List<ReleaseSync> releases) {
		ArrayNode array = mapper.createArrayNode();
		for (ReleaseSync release : releases) {
			HistoryTable head = new HistoryTable("release", "publishedAt", "historyStartsLater", "synced", "pending",
					"medianDays", "p90Days");
			ObjectNode node = head.object(mapper, Arrays.asList(release.release(), release.publishedAt(),
					release.historyStartsLater(), release.synced(), release.pending(), release.medianDays(),
					release.p90Days()));
			HistoryTable consumers = new HistoryTable("consumer", "status", "days", "runId", "seenAt", "pin",
					"toProposalDays", "proposalToSyncDays");
			release.consumers()
				.forEach(c -> consumers.add(c.consumer(), c.status(), c.days(), c.runId(), c.seenAt(), c.pin(),
						c.toProposalDays(), c.proposalToSyncDays()));
			node.set("consumers", consumers.json(mapper));
			array.add(node);
		}
		return array;
	}

	private String syncTable(List<ReleaseSync> releases) {
		StringBuilder out = new StringBuilder();
		for (ReleaseSync release : releases) {
			out.append(out.isEmpty() ? "" : "\n")
				.append(release.release())
				.append(release.publishedAt() == null ? " (publication unknown: counted from the first run that knew it)"
						: " published " + DAY.format(release.publishedAt()))
				.append(String.format(Locale.ROOT, ": %d of %d synced, median %s, p90 %s%n", release.synced(),
						release.synced() + release.pending(), days(release.medianDays()), days(release.p90Days())));
			if (release.historyStartsLater()) {
				out.append("(released before the first recorded run: latencies are upper bounds)\n");
			}
			HistoryTable consumers = new HistoryTable("consumer", "status", "days", "run", "seen", "pin", "toProposal",
					"proposalToSync");
			release.consumers()
				.forEach(c -> consumers.add(c.consumer(), c.status(), c.days(), c.runId(), c.seenAt(), c.pin(),
						c.toProposalDays(), c.proposalToSyncDays()));
			out.append(release.consumers().isEmpty() ? "no enumerated consumer\n" : consumers.table());
		}
		// The note on standard error says why (no SSOT yet, or no run knew the release asked for).
		return out.isEmpty() ? "No release matches.\n" : out.toString();
	}

	private static String days(Long days) {
		return days == null ? "pending" : days + (days == 1 ? " day" : " days");
	}

	private String print(HistoryTable table) {
		return switch (format) {
			case TABLE -> table.rows().isEmpty() ? "No complete run matches.\n" : table.table();
			case CSV -> table.csv();
			case JSON -> json(table.json(mapper));
		};
	}

	private String json(JsonNode node) {
		return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
	}
}
