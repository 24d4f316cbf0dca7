package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * A repository's root listing as Gitea and GitHub both answer it ({@code GET .../contents}): a JSON
 * array of entries with a {@code name} and a {@code type}. An entry whose type is missing or one we do
 * not know makes the listing unreadable: left out, it would hide a pin file the forge did name.
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
			if (entry.name() == null) {
				continue;
			}
			TreeEntry.Type type = type(entry.type());
			if (type == null) {
				throw http.failure(ForgeHttpClient.describe(response.uri()) + ": the root listing gives " + entry.name()
						+ " the type " + ((entry.type() == null) ? "null" : "\"" + entry.type() + "\"")
						+ ", not file, dir, symlink or submodule");
			}
			entries.add(new TreeEntry(entry.name(), type));
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
