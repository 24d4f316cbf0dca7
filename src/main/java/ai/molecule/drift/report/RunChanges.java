package ai.molecule.drift.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;

/**
 * The one run-to-run diff: what changed since the previous complete run, as the Markdown report (by kind
 * of change) and the tracking issue (per repository) show it. Pure: the caller reads both runs. Public
 * because FreeMarker reads it through reflection and the issue publisher computes it.
 * <p>
 * By kind of change, a repository that could not be read is never counted as caught up or removed, and an
 * error run (whose listing may be partial) reports no removals; per repository, every difference is listed.
 *
 * @param baselineRunId the run compared with; {@code null} when there is none
 * @param baselineDate its day
 * @param baselineStatus its status, such as {@code FAIL}
 * @param ssot such as {@code 0.3.26 → 0.3.27}; {@code null} when unchanged or without a baseline
 * @param newlyDrifted behind now, not behind then
 * @param caughtUp behind then, in sync (or ahead) now
 * @param newUnlistedPinned unlisted-pinned now, not then
 * @param newRepos scanned now, not then
 * @param removedRepos scanned then, not now
 * @param removalsKnown {@code false} for an error run: its listing may be incomplete
 * @param notCompared could not be read in this run
 * @param repos per repository that changed in classification, pin or findings, by name
 */
public record RunChanges(Long baselineRunId, String baselineDate, String baselineStatus, String ssot,
		List<Change> newlyDrifted, List<Change> caughtUp, List<Change> newUnlistedPinned, List<Change> newRepos,
		List<Change> removedRepos, boolean removalsKnown, List<Change> notCompared, List<RepoChange> repos) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	public RunChanges {
		repos = List.copyOf(repos);
	}

	/**
	 * How {@code current} differs from {@code previous}.
	 *
	 * @param previous the previous complete run; {@code null} when there is none
	 */
	public static RunChanges between(RunReport previous, RunReport current) {
		boolean removalsKnown = current.status() != RunStatus.ERROR;
		if (previous == null) {
			return new RunChanges(null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
					removalsKnown, List.of(), List.of());
		}
		Map<String, RepoResult> before = byName(previous);
		Map<String, RepoResult> now = byName(current);
		List<Change> drifted = new ArrayList<>();
		List<Change> caughtUp = new ArrayList<>();
		List<Change> unlisted = new ArrayList<>();
		List<Change> added = new ArrayList<>();
		List<Change> unreadable = new ArrayList<>();
		for (RepoResult repo : current.repos()) {
			RepoResult then = before.get(repo.name());
			if (repo.classification() == Classification.UNLISTED_PINNED
					&& (then == null || then.classification() != Classification.UNLISTED_PINNED)) {
				unlisted.add(new Change(repo.name(), "pins " + repo.pin()));
			}
			if (then == null) {
				added.add(new Change(repo.name(), repo.classification().id()));
			}
			else if (repo.unreadable()) {
				unreadable.add(new Change(repo.name(), "could not be read"));
			}
			else if (behind(repo.lag()) && !behind(then.lag()) && !then.unreadable()) {
				drifted.add(new Change(repo.name(), describe(then.lag()) + " → " + describe(repo.lag())));
			}
			else if (behind(then.lag()) && repo.lag() != null && !behind(repo.lag())) {
				caughtUp.add(new Change(repo.name(), describe(then.lag()) + " → " + describe(repo.lag())));
			}
		}
		List<Change> removed = !removalsKnown ? List.of()
				: previous.repos()
					.stream()
					.filter(r -> !now.containsKey(r.name()))
					.map(r -> new Change(r.name(), "was " + r.classification().id()))
					.toList();
		String ssotBefore = version(previous);
		String ssotAfter = version(current);
		return new RunChanges(previous.runId(), DAY.format(previous.startedAt()),
				previous.status().id().toUpperCase(Locale.ROOT),
				Objects.equals(ssotBefore, ssotAfter) ? null : ssotBefore + " → " + ssotAfter, drifted, caughtUp,
				unlisted, added, removed, removalsKnown, unreadable, RepoChange.all(before, now));
	}

	/** Whether there was an earlier complete run to compare with. */
	public boolean known() {
		return baselineRunId != null;
	}

	/** Nothing changed by kind (what the report lists). */
	public boolean none() {
		return newlyDrifted.isEmpty() && caughtUp.isEmpty() && newUnlistedPinned.isEmpty() && newRepos.isEmpty()
				&& removedRepos.isEmpty();
	}

	/** Neither the SSOT nor any repository changed (what the issue lists). */
	public boolean isEmpty() {
		return ssot == null && repos.isEmpty();
	}

	private static Map<String, RepoResult> byName(RunReport report) {
		return report.repos().stream().collect(Collectors.toMap(RepoResult::name, Function.identity(), (a, b) -> a,
				TreeMap::new));
	}

	private static String version(RunReport report) {
		return (report.ssot() != null && report.ssot().resolved()) ? report.ssot().version().toString() : "unresolved";
	}

	private static boolean behind(Lag lag) {
		return lag != null && lag.releases() > 0;
	}

	private static String describe(Lag lag) {
		if (lag == null) {
			return "no lag";
		}
		if (lag.releases() > 0) {
			return lag.releases() + (lag.releases() == 1 ? " release" : " releases") + " behind";
		}
		return lag.level().id().equals("none") ? "in sync" : "ahead";
	}

	/**
	 * One repository that changed in one way.
	 *
	 * @param name the repository, raw
	 * @param detail how, such as {@code in sync → 3 releases behind}
	 */
	public record Change(String name, String detail) {
	}

	/**
	 * Everything that changed in one repository.
	 *
	 * @param repo its name, raw (the template escapes it)
	 * @param details one short phrase each, raw
	 */
	public record RepoChange(String repo, List<String> details) {

		public RepoChange {
			details = List.copyOf(details);
		}

		static List<RepoChange> all(Map<String, RepoResult> before, Map<String, RepoResult> now) {
			TreeSet<String> names = new TreeSet<>(before.keySet());
			names.addAll(now.keySet());
			List<RepoChange> changes = new ArrayList<>();
			for (String name : names) {
				List<String> details = details(before.get(name), now.get(name));
				if (!details.isEmpty()) {
					changes.add(new RepoChange(name, details));
				}
			}
			return changes;
		}

		private static List<String> details(RepoResult before, RepoResult after) {
			if (before == null) {
				return List.of("newly scanned: " + after.classification().id());
			}
			if (after == null) {
				return List.of("no longer scanned");
			}
			List<String> details = new ArrayList<>();
			if (before.classification() != after.classification()) {
				details.add(before.classification().id() + " → " + after.classification().id());
			}
			if (!Objects.equals(before.pin(), after.pin())) {
				details.add("pin " + orNone(before.pin()) + " → " + orNone(after.pin()));
			}
			TreeSet<String> gained = codes(after);
			gained.removeAll(codes(before));
			TreeSet<String> lost = codes(before);
			lost.removeAll(codes(after));
			if (!gained.isEmpty()) {
				details.add("new: " + String.join(", ", gained));
			}
			if (!lost.isEmpty()) {
				details.add("resolved: " + String.join(", ", lost));
			}
			return details;
		}

		private static TreeSet<String> codes(RepoResult repo) {
			return repo.findings().stream().map(f -> f.code().id()).collect(Collectors.toCollection(TreeSet::new));
		}

		private static String orNone(String pin) {
			return (pin == null) ? "none" : pin;
		}
	}
}
