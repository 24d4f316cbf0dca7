package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * A repository's root listing as Gitea and GitHub both answer it ({@code GET .../contents}): a JSON
 * array of entries with a {@code name} and a {@code type}. Entries of a type we do not know are left out.
 */
final class RootListing {

	/** The two fields of a contents entry that a listing needs. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String name, String type) {
	}

	private RootListing() {
	}

	static List<TreeEntry> entries(ForgeHttpClient http, ForgeResponse response) {
		JsonNode listing = http.json(response);
		if (!listing.isArray()) {
			throw http.failure(ForgeHttpClient.describe(response.uri()) + ": expected the root listing as a JSON array");
		}
		List<TreeEntry> entries = new ArrayList<>();
		for (JsonNode node : listing.values()) {
			Entry entry = http.read(node, Entry.class, response.uri());
			TreeEntry.Type type = type(entry.type());
			if (entry.name() != null && type != null) {
				entries.add(new TreeEntry(entry.name(), type));
			}
		}
		return entries;
	}

	static TreeEntry.Type type(String type) {
		if (type == null) {
			return null;
		}
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "file" -> TreeEntry.Type.FILE;
			case "dir" -> TreeEntry.Type.DIR;
			case "symlink" -> TreeEntry.Type.SYMLINK;
			case "submodule" -> TreeEntry.Type.SUBMODULE;
			default -> null;
		};
	}
}
