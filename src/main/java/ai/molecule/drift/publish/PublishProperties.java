package ai.molecule.drift.publish;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the report is published as an issue ({@code drift.publish.*}); off while
 * {@code issue-repo} is unset.
 *
 * @param issueRepo the tracking repository, {@code owner/name}, on the forge that is scanned
 * @param title the issue's title when it is created
 * @param labels label names the issue carries
 * @param mode {@code update}: one issue whose body is the latest report; {@code comment}: one issue, and
 *     each run adds the report as a comment
 * @param dryRun look the issue up and say what would be done, but change nothing (the body is written
 *     to the report folder as {@code drift-issue.md})
 * @param reportUrl where the full HTML report can be read, linked from the issue (optional)
 * @param createLabels create configured labels the repository lacks; otherwise they are left off, with a warning
 * @param closeWhenClean close the issue when a run passes without any finding; the next finding reopens it
 */
@ConfigurationProperties("drift.publish")
public record PublishProperties(
		String issueRepo,
		@DefaultValue("Runtime consumer drift report") String title,
		@DefaultValue List<String> labels,
		@DefaultValue("update") Mode mode,
		@DefaultValue("false") boolean dryRun,
		URI reportUrl,
		@DefaultValue("false") boolean createLabels,
		@DefaultValue("false") boolean closeWhenClean) {

	private static final Pattern OWNER_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

	public PublishProperties {
		issueRepo = (issueRepo == null || issueRepo.isBlank()) ? null : issueRepo.strip();
		if (issueRepo != null && !OWNER_NAME.matcher(issueRepo).matches()) {
			throw new IllegalArgumentException("drift.publish.issue-repo (DRIFT_PUBLISH_ISSUE_REPO) must be owner/name, "
					+ "such as molecule-ai/runtime-tracking");
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("drift.publish.title must not be blank");
		}
		labels = (labels == null) ? List.of()
				: labels.stream().map(String::strip).filter((label) -> !label.isEmpty()).distinct().toList();
	}

	public boolean enabled() {
		return issueRepo != null;
	}

	public String owner() {
		return issueRepo.substring(0, issueRepo.indexOf('/'));
	}

	public String repo() {
		return issueRepo.substring(issueRepo.indexOf('/') + 1);
	}

	/** How each run reaches the issue. */
	public enum Mode {
		/** The issue's body is the latest report. */
		UPDATE,
		/** Each run adds the report as a comment. */
		COMMENT
	}
}
