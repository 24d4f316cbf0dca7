package ai.molecule.drift.propose;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;

/** Proposes the bumps of one run from its stored results, and stores what became of each. */
public final class RunProposals {

	private static final Logger log = LoggerFactory.getLogger(RunProposals.class);

	private final RunStore store;

	private final BumpProposals proposals;

	public RunProposals(RunStore store, BumpProposals proposals) {
		this.store = store;
		this.proposals = proposals;
	}

	public void propose(long runId) {
		RunReport run = store.load(runId);
		Map<String, Version> pins = new HashMap<>();
		for (RepoResult repo : run.repos()) {
			Version.parse(repo.pin()).ifPresent((pin) -> pins.put(repo.name(), pin));
		}
		// A staged bump goes on where the last one stopped: its stage counts as done once the pin reached it.
		Function<String, Integer> stagesDone = (name) -> store.lastStagedProposal(runId, name)
			.map((last) -> Version.parse(last.target())
				.filter((target) -> pins.containsKey(name) && pins.get(name).compareTo(target) >= 0)
				.map((target) -> last.stage())
				.orElse(last.stage() - 1))
			.orElse(0);
		Map<String, Proposal> made = proposals.propose(run.repos(), store.releases(runId), stagesDone);
		made.forEach((name, proposal) -> store.saveProposal(runId, name, proposal));
		log.info("Bump proposals: {}", made.isEmpty() ? "none needed" : summary(made));
	}

	private static String summary(Map<String, Proposal> made) {
		Map<String, Integer> byState = new TreeMap<>();
		made.values().forEach((proposal) -> byState.merge(proposal.state().id(), 1, Integer::sum));
		StringBuilder text = new StringBuilder();
		byState.forEach((state, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(state));
		return text.toString();
	}
}
