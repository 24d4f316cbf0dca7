package ai.molecule.drift.propose;

import java.util.List;
import java.util.Optional;

import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;

/**
 * The bump proposed for one pin: to the SSOT, or, when the pin lags more than {@code max-step} releases,
 * to the release exactly {@code max-step} newer (a staged bump, reviewed and merged before the next stage).
 *
 * @param from the pin now
 * @param target the release to bump to
 * @param stage which stage this is, from 1
 * @param stages how many stages the whole bump takes (equal to {@code stage} for the last)
 * @param takenIn the releases the bump takes in, oldest first, the target last
 * @param lagAfter releases still behind the SSOT once it is merged
 */
public record BumpPlan(Version from, Version target, int stage, int stages, List<Release> takenIn, int lagAfter) {

	/** The most releases one proposal jumps unless the policy says otherwise. */
	public static final int DEFAULT_MAX_STEP = 10;

	public BumpPlan {
		takenIn = List.copyOf(takenIn);
	}

	/**
	 * The plan for {@code pin}; empty when it is not behind the SSOT of {@code line}.
	 *
	 * @param stagesDone stages of the same bump (the same SSOT) already merged, 0 for a new one
	 */
	public static Optional<BumpPlan> of(ReleaseLine line, Version pin, int maxStep, int stagesDone) {
		if (maxStep < 1) {
			throw new IllegalArgumentException("max-step must be at least 1, not " + maxStep);
		}
		if (!line.ssot().resolved() || !line.ssot().version().isNewerThan(pin)) {
			return Optional.empty();
		}
		List<Release> newer = line.releases().stream().filter((release) -> release.version().isNewerThan(pin)).toList();
		if (newer.isEmpty()) {
			return Optional.empty();
		}
		int step = Math.min(maxStep, newer.size());
		int stagesLeft = (newer.size() + maxStep - 1) / maxStep;
		return Optional.of(new BumpPlan(pin, newer.get(step - 1).version(), stagesDone + 1, stagesDone + stagesLeft,
				newer.subList(0, step), newer.size() - step));
	}

	public boolean staged() {
		return stages > 1;
	}

	/** {@code bump/runtime-<target>}: one branch per target, as the runtime's propagation script names them. */
	public String branch() {
		return "bump/runtime-" + target;
	}

	/** {@code Bump molecule-ai-workspace-runtime to <target>}, with {@code (stage i of n)} when staged. */
	public String title() {
		return "Bump molecule-ai-workspace-runtime to " + target + (staged() ? " (stage " + stage + " of " + stages + ")" : "");
	}
}
