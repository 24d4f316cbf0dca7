package ai.molecule.drift.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

/**
 * Decides a run's status and says why, from what the steps left behind.
 *
 * @param status pass, fail or error
 * @param reasons one sentence per cause, errors first
 */
public record RunVerdict(RunStatus status, List<String> reasons) {

	private static final int NAMES_SHOWN = 10;

	/**
	 * @param problems failures of the steps themselves (configuration, org listing), in order
	 * @param ssot the resolved SSOT, or why it is not; {@code null} when resolution never ran
	 * @param repos the persisted results
	 */
	public static RunVerdict decide(List<String> problems, Ssot ssot, List<RepoResult> repos) {
		List<String> errors = new ArrayList<>(problems);
		if (ssot != null && !ssot.resolved()) {
			errors.add("The SSOT version is unresolved: " + ssot.problem());
		}
		List<String> unreadable = repos.stream().filter(RepoResult::unreadable).map(RepoResult::name).toList();
		if (!unreadable.isEmpty()) {
			errors.add(count(unreadable.size(), "repository", "repositories") + " could not be read, so their state is unknown: "
					+ names(unreadable));
		}
		List<String> failing = repos.stream()
			.filter(r -> r.failsRun() && !r.unreadable())
			.map(r -> r.name() + " (" + r.findings().stream()
				.filter(f -> f.severity() == Severity.ERROR)
				.map(f -> f.code().id())
				.distinct()
				.collect(Collectors.joining(", ")) + ")")
			.toList();
		List<String> reasons = new ArrayList<>(errors);
		if (!failing.isEmpty()) {
			reasons.add(count(failing.size(), "repository fails", "repositories fail") + " the policy: " + names(failing));
		}
		RunStatus status = !errors.isEmpty() ? RunStatus.ERROR : failing.isEmpty() ? RunStatus.PASS : RunStatus.FAIL;
		return new RunVerdict(status, reasons);
	}

	private static String count(int n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	private static String names(List<String> names) {
		String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
		return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
	}
}
