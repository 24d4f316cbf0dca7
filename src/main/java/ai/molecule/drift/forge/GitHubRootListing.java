package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * A repository's root listing as GitHub's REST {@code contents} API answers it. GitHub documents that
 * a directory listing gives a submodule the type {@code "file"} ("for backwards compatibility"); it is
 * told from a file by what GitHub gives only files: a {@code download_url} (null for a submodule) and a
 * {@code git_url} to a blob (a submodule's, when not null, points at {@code /git/trees/}). Without this a
 * runtime vendored as a submodule would pass for a file named {@code workspace}.
 */
final class GitHubRootListing {

	/** The fields of a listing entry that tell its kind. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String name, String type, @JsonProperty("download_url") String downloadUrl,
			@JsonProperty("git_url") String gitUrl) {

		boolean isSubmodule() {
			return "file".equals(type) && (downloadUrl == null || (gitUrl != null && gitUrl.contains("/git/trees/")));
		}
	}

	private GitHubRootListing() {
	}

	static List<TreeEntry> entries(ForgeHttpClient http, ForgeResponse response) {
		JsonNode listing = http.json(response);
		if (!listing.isArray()) {
			throw http.failure(ForgeHttpClient.describe(response.uri()) + ": expected the root listing as a JSON array");
		}
		List<TreeEntry> entries = new ArrayList<>();
		for (JsonNode node : listing.values()) {
			Entry entry = http.read(node, Entry.class, response.uri());
			TreeEntry.Type type = entry.isSubmodule() ? TreeEntry.Type.SUBMODULE : RootListing.type(entry.type());
			if (entry.name() != null && type != null) {
				entries.add(new TreeEntry(entry.name(), type));
			}
		}
		return entries;
	}
}
