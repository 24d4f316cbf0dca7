package ai.molecule.drift.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;

/**
 * What changed between two runs, for the top of the issue: the SSOT, and per repository its
 * classification, its pin and the findings it gained or lost. Public because the issue template reads
 * it through FreeMarker.
 *
 * @param known whether there was an earlier complete run to compare with
 * @param ssot such as {@code 0.3.26 → 0.3.27}; {@code null} when unchanged
 * @param repos one entry per repository that changed, by name
 */
public record RunChanges(boolean known, String ssot, List<Change> repos) {

	public RunChanges {
		repos = List.copyOf(repos);
	}

	static RunChanges unknown() {
		return new RunChanges(false, null, List.of());
	}

	/** How {@code current} differs from {@code previous}. */
	static RunChanges between(RunReport previous, RunReport current) {
		String before = version(previous);
		String after = version(current);
		String ssot = Objects.equals(before, after) ? null : before + " → " + after;
		Map<String, RepoResult> old = byName(previous);
		Map<String, RepoResult> now = byName(current);
		TreeSet<String> names = new TreeSet<>(old.keySet());
		names.addAll(now.keySet());
		List<Change> changes = new ArrayList<>();
		for (String name : names) {
			List<String> details = details(old.get(name), now.get(name));
			if (!details.isEmpty()) {
				changes.add(new Change(name, details));
			}
		}
		return new RunChanges(true, ssot, changes);
	}

	public boolean isEmpty() {
		return ssot == null && repos.isEmpty();
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
		return repo.findings().stream().map(Finding::code).map((code) -> code.id())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Map<String, RepoResult> byName(RunReport report) {
		return report.repos().stream().collect(Collectors.toMap(RepoResult::name, Function.identity(), (a, b) -> a,
				TreeMap::new));
	}

	private static String version(RunReport report) {
		return (report.ssot() != null && report.ssot().resolved()) ? report.ssot().version().toString() : "unresolved";
	}

	private static String orNone(String pin) {
		return (pin == null) ? "none" : pin;
	}

	/**
	 * One repository's changes.
	 *
	 * @param repo its name, raw (the template escapes it)
	 * @param details one short phrase each, raw
	 */
	public record Change(String repo, List<String> details) {

		public Change {
			details = List.copyOf(details);
		}
	}
}
