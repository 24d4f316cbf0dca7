package ai.molecule.drift.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunHistory.Baseline;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;

/**
 * What changed since the previous complete pass or fail run, for the Markdown report; public because
 * FreeMarker reads it through reflection. A repository that could not be read is never counted as
 * caught up or removed, and an error run (whose listing may be partial) reports no removals.
 *
 * @param baselineRunId the run compared with; {@code null} when there is none
 * @param baselineDate its day
 * @param baselineStatus its status, such as {@code FAIL}
 * @param newlyDrifted behind now, not behind then
 * @param caughtUp behind then, in sync (or ahead) now
 * @param newUnlistedPinned unlisted-pinned now, not then
 * @param newRepos scanned now, not then
 * @param removedRepos scanned then, not now
 * @param removalsKnown {@code false} for an error run: its listing may be incomplete
 * @param notCompared could not be read in this run
 */
public record RunChanges(Long baselineRunId, String baselineDate, String baselineStatus, List<Change> newlyDrifted,
		List<Change> caughtUp, List<Change> newUnlistedPinned, List<Change> newRepos, List<Change> removedRepos,
		boolean removalsKnown, List<Change> notCompared) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	static RunChanges of(RunReport current, Baseline baseline) {
		boolean removalsKnown = current.status() != RunStatus.ERROR;
		if (baseline == null) {
			return new RunChanges(null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
					removalsKnown, List.of());
		}
		Map<String, RepoResult> before = baseline.repos()
			.stream()
			.collect(Collectors.toMap(RepoResult::name, Function.identity()));
		Map<String, RepoResult> now = current.repos()
			.stream()
			.collect(Collectors.toMap(RepoResult::name, Function.identity()));
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
				drifted.add(new Change(repo.name(), describe(then.lag()) + " \u2192 " + describe(repo.lag())));
			}
			else if (behind(then.lag()) && repo.lag() != null && !behind(repo.lag())) {
				caughtUp.add(new Change(repo.name(), describe(then.lag()) + " \u2192 " + describe(repo.lag())));
			}
		}
		List<Change> removed = !removalsKnown ? List.of()
				: baseline.repos()
					.stream()
					.filter(r -> !now.containsKey(r.name()))
					.map(r -> new Change(r.name(), "was " + r.classification().id()))
					.toList();
		return new RunChanges(baseline.runId(), DAY.format(baseline.startedAt()),
				baseline.status().id().toUpperCase(Locale.ROOT), drifted, caughtUp, unlisted, added, removed,
				removalsKnown, unreadable);
	}

	public boolean none() {
		return newlyDrifted.isEmpty() && caughtUp.isEmpty() && newUnlistedPinned.isEmpty() && newRepos.isEmpty()
				&& removedRepos.isEmpty();
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
	 * One repository that changed.
	 *
	 * @param name the repository, raw
	 * @param detail how, such as {@code in sync → 3 releases behind}
	 */
	public record Change(String name, String detail) {
	}
}
