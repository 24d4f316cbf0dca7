package ai.molecule.drift.forge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Pull requests, branches and listed files as Gitea and GitHub both write them (the fields read are the same). */
final class PullPayloads {

	private PullPayloads() {
	}

	/** A pull request; {@code merged_at} is set once it was merged. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Pull(long number, String state, String body, @JsonProperty("html_url") String htmlUrl,
			@JsonProperty("created_at") String createdAt, @JsonProperty("merged_at") String mergedAt, Branch head,
			Branch base) {

		PullSummary toSummary() {
			boolean sameRepo = head != null && base != null && head.repo() != null && base.repo() != null
					&& head.repo().fullName() != null && head.repo().fullName().equalsIgnoreCase(base.repo().fullName());
			return new PullSummary(number, "open".equalsIgnoreCase(state), mergedAt != null && !mergedAt.isBlank(),
					(head != null) ? head.ref() : null, sameRepo, body, htmlUrl, GiteaPayloads.instant(createdAt));
		}
	}

	/** A pull request's head or base. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Branch(String ref, String sha, Repo repo) {
	}

	/** The repository of a head or base; {@code null} once a fork was deleted. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Repo(@JsonProperty("full_name") String fullName) {
	}

	/** Gitea's {@code Branch}: its name and head commit. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record BranchHead(String name, Commit commit) {
	}

	/** A commit as a branch names it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Commit(String id, String message) {
	}

	/** An entry of a folder listing. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String path, String type, String sha) {
	}
}
