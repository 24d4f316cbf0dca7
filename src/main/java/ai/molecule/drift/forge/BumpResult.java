package ai.molecule.drift.forge;

import java.time.Instant;

/**
 * What proposing one bump did.
 *
 * @param state {@code opened}, {@code updated}, {@code unchanged}, {@code declined} or {@code failed}
 * @param number the pull request's number; {@code null} where there is none (the local forge)
 * @param url the pull request's web page; {@code null} where there is none
 * @param openedAt when the proposal was first made; {@code null} when it failed
 * @param superseded how many older proposals of the tool for this repository were closed
 * @param reason why it failed or was declined; {@code null} otherwise
 */
public record BumpResult(String state, Integer number, String url, Instant openedAt, int superseded, String reason) {

	public static BumpResult failed(String reason) {
		return new BumpResult("failed", null, null, null, 0, reason);
	}
}
