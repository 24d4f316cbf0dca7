package ai.molecule.drift.model;

import java.time.Instant;

/**
 * The bump proposed for one repository in one run.
 *
 * @param target the version it bumps to
 * @param stage which stage, from 1
 * @param stages how many stages the whole bump takes
 * @param branch {@code bump/runtime-<target>}
 * @param number the pull request's number; {@code null} without one (the local forge, a dry run, a failure)
 * @param url the pull request's page; {@code null} without one
 * @param state what became of it
 * @param openedAt when it was first made; {@code null} when it was not
 * @param reason why it failed or was declined; {@code null} otherwise
 */
public record Proposal(String target, int stage, int stages, String branch, Integer number, String url,
		ProposalState state, Instant openedAt, String reason) {
}
