package ai.molecule.drift.forge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Issues, comments and labels as Gitea and GitHub both write them (the fields read are the same). */
final class IssuePayloads {

	private IssuePayloads() {
	}

	/** An issue; {@code pull_request} is set when it is a pull request. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Issue(long number, String title, String body, String state, List<Label> labels,
			@JsonProperty("html_url") String htmlUrl, @JsonProperty("pull_request") Object pullRequest) {

		boolean isPull() {
			return pullRequest != null;
		}

		IssueTracker.Issue toIssue() {
			List<String> names = (labels == null) ? List.of() : labels.stream().map(Label::name).toList();
			return new IssueTracker.Issue(number, title, body, "open".equalsIgnoreCase(state), names, htmlUrl);
		}
	}

	/** A comment. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Comment(long id, String body) {

		IssueTracker.Comment toComment() {
			return new IssueTracker.Comment(id, (body == null) ? "" : body);
		}
	}

	/** A label. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Label(long id, String name) {

		IssueTracker.Label toLabel() {
			return new IssueTracker.Label(id, name);
		}
	}
}
