package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * A repository's root listing as Gitea ({@code contents}, {@code contents-ext}) and GitHub ({@code contents})
 * answer it: a JSON array of entries with a {@code name} and a {@code type}. An entry whose type is missing
 * or one we do not know makes the listing unreadable: left out, it would hide a pin file the forge did name.
 */
final class RootListing {

	/**
	 * The fields of a contents entry that tell what it is.
	 *
	 * @param downloadUrl and {@code gitUrl}: what GitHub gives a file but not a submodule it lists as a file
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String name, String type, @JsonProperty("download_url") String downloadUrl,
			@JsonProperty("git_url") String gitUrl) {
	}

	private RootListing() {
	}

	/**
	 * The entries of a listing, in the server's order.
	 *
	 * @param where added to the error when the listing is no array, such as {@code " in dir_contents"}
	 * @param typeOf an entry's type name as the forge means it ({@link Entry#type()} but where a forge says
	 *     otherwise)
	 */
	static List<TreeEntry> entries(ForgeHttpClient http, URI uri, JsonNode listing, String where,
			Function<Entry, String> typeOf) {
		if (!listing.isArray()) {
			throw http.failure(ForgeHttpClient.describe(uri) + ": expected the root listing as a JSON array" + where);
		}
		List<TreeEntry> entries = new ArrayList<>();
		for (JsonNode node : listing.values()) {
			Entry entry = http.read(node, Entry.class, uri);
			if (entry.name() == null) {
				continue;
			}
			String typeName = typeOf.apply(entry);
			TreeEntry.Type type = type(typeName);
			if (type == null) {
				throw http.failure(ForgeHttpClient.describe(uri) + ": the root listing gives " + entry.name()
						+ " the type " + ((typeName == null) ? "null" : "\"" + typeName + "\"")
						+ ", not file, dir, symlink or submodule");
			}
			entries.add(new TreeEntry(entry.name(), type));
		}
		return entries;
	}

	private static TreeEntry.Type type(String type) {
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
