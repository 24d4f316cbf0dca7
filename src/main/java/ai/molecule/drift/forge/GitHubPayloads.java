package ai.molecule.drift.forge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of GitHub's REST answers that the scan reads; every other field is ignored. */
final class GitHubPayloads {

	private GitHubPayloads() {
	}

	/** A repository. GitHub has no "empty" flag: an empty repository shows when its files are read. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Repo(String name, @JsonProperty("default_branch") String defaultBranch, boolean archived,
			@JsonProperty("private") boolean privateRepo) {

		RepoRef toRef(String owner) {
			return new RepoRef(owner, name, defaultBranch, archived, false, privateRepo);
		}
	}

	/** A contents entry: a file (line-wrapped base64 {@code content}), a directory entry or a symlink. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Content(String name, String path, String type, long size, String encoding, String content,
			String target) {
	}

	/** A tag: a name and a commit, no date. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Tag(String name) {
	}

	/** A release. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Release(@JsonProperty("tag_name") String tagName, boolean draft, boolean prerelease,
			@JsonProperty("published_at") String publishedAt) {
	}
}
