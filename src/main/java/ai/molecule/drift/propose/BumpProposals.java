package ai.molecule.drift.propose;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.classify.RuntimePins;
import ai.molecule.drift.forge.BumpRequest;
import ai.molecule.drift.forge.BumpResult;
import ai.molecule.drift.forge.BumpWriter;
import ai.molecule.drift.forge.FileBytes;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.ProposalState;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.policy.Policy;

/**
 * Proposes a bump for every enumerated, non-archived consumer whose valid pin is behind the SSOT and that
 * the policy does not exclude. A proposal that cannot be made is a {@code failed} proposal with its reason:
 * it never changes the run's verdict.
 */
public final class BumpProposals {

	private static final Logger log = LoggerFactory.getLogger(BumpProposals.class);

	private static final List<String> PIN_FILES = List.of(RuntimePins.PIN_FILE, RuntimePins.DOCKERFILE,
			RuntimePins.REQUIREMENTS);

	private final Forge forge;

	private final BumpWriter writer;

	private final Policy.Propose policy;

	private final String org;

	/**
	 * @param writer where bumps are written; {@code null} for a dry run, which writes nothing
	 */
	public BumpProposals(Forge forge, BumpWriter writer, Policy.Propose policy, String org) {
		this.forge = forge;
		this.writer = writer;
		this.policy = policy;
		this.org = org;
	}

	/**
	 * The proposals of a run, by repository name.
	 *
	 * @param stagesDone for a repository, how many stages of a staged bump were merged before
	 */
	public Map<String, Proposal> propose(List<RepoResult> results, ReleaseLine releases,
			Function<String, Integer> stagesDone) {
		Map<String, Proposal> proposals = new LinkedHashMap<>();
		for (RepoResult result : results) {
			if (!eligible(result)) {
				continue;
			}
			Optional<Version> pin = Version.parse(result.pin());
			Optional<BumpPlan> plan = pin.flatMap(
					(version) -> BumpPlan.of(releases, version, policy.maxStep(), stagesDone.apply(result.name())));
			plan.ifPresent((bump) -> proposals.put(result.name(), propose(result.name(), bump)));
		}
		return proposals;
	}

	private boolean eligible(RepoResult result) {
		return result.classification() == Classification.ENUMERATED && !result.archived() && !result.unreadable()
				&& result.lag() != null && result.lag().releases() > 0 && !policy.excludes(result.name());
	}

	private Proposal propose(String name, BumpPlan plan) {
		try {
			RepoRef repo = forge.findRepo(org, name)
				.orElseThrow(() -> new ForgeException("the repository is no longer there"));
			Map<String, byte[]> files = new LinkedHashMap<>();
			forge.readBlobs(repo, PIN_FILES).forEach((path, read) -> {
				if (read.kind() == FileBytes.Kind.FILE) {
					files.put(path, read.bytes());
				}
			});
			Map<String, byte[]> changes = PinRewrite.apply(files, plan.target());
			if (writer == null) {
				changes.forEach((path, bytes) -> log.info("Would bump {} to {}: {}\n{}", name, plan.target(), path,
						Diff.lines(files.get(path), bytes)));
				return proposal(plan, ProposalState.DRY_RUN, null, null, null, null);
			}
			BumpResult result = writer.propose(repo, new BumpRequest(plan.branch(), "bump/runtime-", plan.title(),
					ProposalBody.of(name, plan), ProposalBody.marker(name, plan), ProposalBody.MARKER_PREFIX, changes,
					policy.labels()));
			if ("failed".equals(result.state())) {
				log.warn("Bump of {} to {} not proposed: {}", name, plan.target(), result.reason());
			}
			return proposal(plan, ProposalState.fromId(result.state()), result.number(), result.url(), result.openedAt(),
					result.reason());
		}
		catch (RuntimeException ex) {
			log.warn("Bump of {} to {} not proposed: {}", name, plan.target(), ex.getMessage());
			return proposal(plan, ProposalState.FAILED, null, null, null, ex.getMessage());
		}
	}

	private static Proposal proposal(BumpPlan plan, ProposalState state, Integer number, String url,
			Instant openedAt, String reason) {
		return new Proposal(plan.target().toString(), plan.stage(), plan.stages(), plan.branch(), number, url, state,
				openedAt, reason);
	}

	/** The changed lines of a file, as {@code -} and {@code +} lines. */
	static final class Diff {

		private Diff() {
		}

		static String lines(byte[] before, byte[] after) {
			List<String> old = new String(before, StandardCharsets.UTF_8).lines().toList();
			List<String> now = new String(after, StandardCharsets.UTF_8).lines().toList();
			StringBuilder diff = new StringBuilder();
			for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
				String a = (i < old.size()) ? old.get(i) : null;
				String b = (i < now.size()) ? now.get(i) : null;
				if (a == null || !a.equals(b)) {
					diff.append(a == null ? "" : "- " + a + "\n").append(b == null ? "" : "+ " + b + "\n");
				}
			}
			return diff.toString();
		}
	}
}
