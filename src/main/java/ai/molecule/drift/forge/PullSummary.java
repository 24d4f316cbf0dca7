package ai.molecule.drift.forge;

import java.time.Instant;

/**
 * What a bump writer reads of one pull request, the same on Gitea and GitHub.
 *
 * @param number the pull request's number
 * @param open whether it is open
 * @param merged whether it was merged (a closed one that was not is declined)
 * @param head its head branch
 * @param sameRepo whether the head branch is in the repository itself (not in a fork)
 * @param body its body, never {@code null}
 * @param url its web page
 * @param createdAt when it was opened
 */
record PullSummary(long number, boolean open, boolean merged, String head, boolean sameRepo, String body, String url,
		Instant createdAt) {

	PullSummary {
		body = (body == null) ? "" : body;
	}

	/**
	 * Whether the tool made it: a head branch of the tool's in the repository itself, and the tool's marker in
	 * the body. A pull request from a fork may carry any body, so it never counts.
	 */
	boolean madeBy(BumpRequest request) {
		return sameRepo && head != null && head.startsWith(request.branchPrefix())
				&& body.contains(request.markerPrefix());
	}

	/** Whether it is the tool's proposal for the request's target. */
	boolean proposes(BumpRequest request) {
		return madeBy(request) && head.equals(request.branch()) && body.contains(request.marker());
	}
}
