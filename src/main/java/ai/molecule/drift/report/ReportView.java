package ai.molecule.drift.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;

/**
 * A run as the report templates see it: digested into labels and flags so that templates only lay it
 * out and need no number, date or locale settings; public because FreeMarker reads it through reflection.
 * <p>
 * What a run did not measure stays unmeasured here rather than zero: an error run that listed nothing has
 * no counts ({@code listed} is false) and a run without an SSOT has no lag ({@code behindMeasured} is false).
 *
 * @param runId the run's id
 * @param status {@code pass}, {@code fail}, {@code error} (or {@code running} for a run that never finished)
 * @param verdict the status as a headline: {@code PASS}, {@code FAIL}, {@code ERROR}
 * @param exitCode the process exit code
 * @param startedAt ISO-8601 UTC instant, to the second
 * @param finishedAt ISO-8601 UTC instant, to the second; {@code null} when unfinished
 * @param duration such as {@code 9s} or {@code 2m 05s}; {@code null} when unfinished
 * @param reasons why the run failed or errored, each once, names in them shortened like the tables' names
 * @param forge where the scan looked
 * @param prefix the shared name prefix left out of displayed names; {@code null} when no name was shortened
 * @param ssot the SSOT, or why it is unresolved
 * @param listed whether the repositories were listed: {@code false} for an error run that scanned none
 * @param counts repositories per classification, in the contract's order
 * @param behindMeasured whether lag was measured (the repositories were listed and the SSOT resolved)
 * @param behind how many repositories pin a version behind the SSOT
 * @param attention repositories that fail the run or could not be read, most urgent first
 * @param laggards the other repositories with a finding to act on (archived ones left out), most urgent first
 * @param repos every repository, most urgent first: failures, findings, archived with findings, the rest; then
 *     the furthest behind first, then by name
 * @param contracts each upstream file that repositories vendor (empty when none does)
 */
public record ReportView(long runId, String status, String verdict, int exitCode, String startedAt,
		String finishedAt, String duration, List<String> reasons, ForgeInfo forge, String prefix, SsotView ssot,
		boolean listed, List<CountView> counts, boolean behindMeasured, int behind, List<RepoView> attention,
		List<RepoView> laggards, List<RepoView> repos, List<ContractsView> contracts) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	static ReportView of(RunReport report) {
		int maxBehind = report.repos().stream().mapToInt(ReportView::releasesBehind).max().orElse(0);
		String prefix = report.forge() == null ? null : Invisible.strip(report.forge().repoPrefix());
		RepoPages pages = RepoPages.of(report.forge());
		List<RepoView> repos = report.repos()
			.stream()
			.map(r -> RepoView.of(r, maxBehind, prefix, pages, report.proposal(r.name()).orElse(null),
					(report.finishedAt() != null) ? report.finishedAt() : report.startedAt()))
			.sorted(RepoView.URGENCY)
			.toList();
		boolean shortened = repos.stream().anyMatch(r -> !r.displayName().equals(r.name()));
		List<String> reasons = report.reasons()
			.stream()
			.map(Invisible::strip)
			.map(r -> shortened ? withoutPrefix(r, prefix) : r)
			.distinct()
			.toList();
		boolean listed = !(report.status() == RunStatus.ERROR && report.repos().isEmpty());
		SsotView ssot = SsotView.of(report.ssot(), reasons);
		return new ReportView(report.runId(), report.status().id(), report.status().id().toUpperCase(Locale.ROOT),
				report.exitCode(), iso(report.startedAt()), iso(report.finishedAt()),
				duration(report.startedAt(), report.finishedAt()), reasons, report.forge(), shortened ? prefix : null,
				ssot, listed, counts(report), listed && ssot.resolved(), report.behind().size(),
				repos.stream().filter(r -> r.rank() == 0).toList(), repos.stream().filter(r -> r.rank() == 1).toList(),
				repos, ContractsView.of(report.contracts(), shortened ? prefix : null));
	}

	/** The repository names in a reason, shortened as the tables show them. */
	private static String withoutPrefix(String reason, String prefix) {
		return reason.replaceAll("(?<![\\w-])" + Pattern.quote(prefix) + "(?=[\\p{Alnum}])", "");
	}

	/** {@code name} as the tables show it: without {@link #prefix()}; for names from the history. */
	public String display(String name) {
		return RepoView.displayName(Invisible.strip(name), prefix);
	}

	/** ISO-8601 UTC to the second, as in the JSON report; {@code null} stays {@code null}. */
	static String iso(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	private static int releasesBehind(RepoResult repo) {
		return repo.lag() == null ? 0 : Math.max(0, repo.lag().releases());
	}

	private static List<CountView> counts(RunReport report) {
		Map<Classification, Integer> counts = report.counts();
		// "unknown" is no contract classification: it is shown only when a repository could not be read.
		return counts.entrySet()
			.stream()
			.filter(e -> e.getKey() != Classification.UNKNOWN || e.getValue() > 0)
			.map(e -> new CountView(e.getKey().id(), e.getValue(),
					(int) report.repos().stream().filter(r -> r.classification() == e.getKey() && r.archived()).count(),
					(int) report.repos().stream().filter(r -> r.classification() == e.getKey() && r.failsRun()).count()))
			.toList();
	}

	private static String duration(Instant start, Instant end) {
		if (start == null || end == null) {
			return null;
		}
		long seconds = Math.max(0, Duration.between(start, end).toSeconds());
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
	}

	/**
	 * How many repositories have one classification.
	 *
	 * @param classification contract id
	 * @param count repositories
	 * @param archived how many of them are archived (and so never fail the run)
	 * @param failing how many of them fail the run
	 */
	public record CountView(String classification, int count, int archived, int failing) {
	}

	/**
	 * The SSOT as shown.
	 *
	 * @param resolved whether a version is known
	 * @param version such as {@code 0.3.27}; {@code null} when unresolved
	 * @param source {@code release-tag} or {@code fallback-file}; {@code null} when unresolved
	 * @param tag such as {@code runtime-v0.3.27}; {@code null} without one
	 * @param publishedAt ISO-8601 UTC instant; {@code null} when unknown
	 * @param publishedDate the publication day, such as {@code 2026-06-10}; {@code null} when unknown
	 * @param problem why it is unresolved (never {@code null} then), or a note on how it was resolved
	 * @param problemInReasons whether one of the run's reasons already says {@code problem}, so that it is
	 *     shown once
	 */
	public record SsotView(boolean resolved, String version, String source, String tag, String publishedAt,
			String publishedDate, String problem, boolean problemInReasons) {

		static SsotView of(Ssot ssot, List<String> reasons) {
			// A run that stopped early (invalid configuration) may never have looked for the SSOT.
			if (ssot == null || !ssot.resolved()) {
				String problem = Invisible.strip(ssot == null ? "the run stopped before the SSOT was looked up"
						: ssot.problem() == null || ssot.problem().isBlank() ? "reason not recorded" : ssot.problem());
				boolean said = ssot != null && ssot.problem() != null && !ssot.problem().isBlank()
						&& reasons.stream().anyMatch(r -> r.contains(problem));
				return new SsotView(false, null, null, null, null, null, problem, said);
			}
			Instant published = ssot.publishedAt();
			return new SsotView(true, ssot.version().toString(), ssot.source() == null ? null : ssot.source().id(),
					Invisible.strip(ssot.tag()), iso(published), published == null ? null : DATE.format(published),
					Invisible.strip(ssot.problem()), false);
		}
	}
}
