package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of Gitea's JSON answers that the scan reads; every other field is ignored. */
final class GiteaPayloads {

	private GiteaPayloads() {
	}

	/** A {@code Repository}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Repo(String name, @JsonProperty("default_branch") String defaultBranch, boolean archived, boolean empty,
			@JsonProperty("private") boolean privateRepo) {

		RepoRef toRef(String owner) {
			return new RepoRef(owner, name, defaultBranch, archived, empty, privateRepo);
		}
	}

	/**
	 * A {@code ContentsResponse}: a file (base64 {@code content}), a directory entry, or a symbolic link
	 * with its {@code target} (the link's text, which Gitea reads into every entry, listings included).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Content(String name, String path, String type, long size, String encoding, String content, String target) {

		/**
		 * A link's text, when the entry holds all of it: Gitea reads at most 1024 bytes of the link into
		 * {@code target}, so a target shorter than the link's size is not its text.
		 */
		Optional<String> linkText() {
			if (!"symlink".equals(type) || target == null
					|| target.getBytes(StandardCharsets.UTF_8).length != size) {
				return Optional.empty();
			}
			return Optional.of(target);
		}
	}

	/** A {@code Tag}; {@code commit.created} is the tagger or commit date. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Tag(String name, CommitMeta commit) {

		Instant date() {
			return (commit != null) ? instant(commit.created()) : null;
		}
	}

	/** A tag's {@code CommitMeta}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CommitMeta(String sha, String created) {
	}

	/** A {@code Release}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Release(@JsonProperty("tag_name") String tagName, boolean draft, boolean prerelease,
			@JsonProperty("published_at") String publishedAt) {
	}

	/** Gitea writes RFC 3339 with the server's offset; an unreadable date counts as unknown. */
	static Instant instant(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
