package ai.molecule.drift.forge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GiteaPayloads.Content;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * A repository's root as Gitea lists it: its entries, and the text of each link the listing holds whole.
 *
 * @param entries its entries, in the server's order (one of an unknown type makes the listing unreadable)
 * @param linkTexts a link's text by name, where its {@code target} holds all of it
 */
record GiteaRoot(List<TreeEntry> entries, Map<String, String> linkTexts) {

	GiteaRoot {
		entries = List.copyOf(entries);
		linkTexts = Map.copyOf(linkTexts);
	}

	/** The text of a link at the root, when the listing holds all of it: then reading it costs no request. */
	Optional<String> linkText(String name) {
		return Optional.ofNullable(linkTexts.get(name));
	}

	/**
	 * Lists roots with {@code contents-ext} where the server has it: without {@code includes} Gitea answers
	 * metadata only, where {@code contents} also looks up the last commit of every entry. Servers without it
	 * get {@code contents}. Thread-safe.
	 */
	static final class Reader {

		private final ForgeUrls urls;

		private final ForgeHttpClient http;

		private final GiteaCapability contentsExt = new GiteaCapability();

		Reader(ForgeUrls urls, ForgeHttpClient http) {
			this.urls = urls;
			this.http = http;
		}

		/** The root at {@code ref} (the default branch when {@code null}); empty on a 404 (an empty or vanished repository). */
		Optional<GiteaRoot> read(RepoRef repo, String ref) {
			Supplier<ForgeResponse> contents = GiteaCapability.once(() -> http
				.get(urls.api("repos", repo.owner(), repo.name(), "contents").query("ref", ref).build()));
			Optional<ForgeResponse> ext = contentsExt.ask(() -> {
				// The empty file path is the root, as the description of contents-ext says.
				ForgeResponse response = http.get(
						urls.api("repos", repo.owner(), repo.name(), "contents-ext").rootPath().query("ref", ref).build());
				return (response.status() == 404 || response.status() == 405) ? Optional.empty() : Optional.of(response);
			}, () -> contents.get().isSuccess());
			ForgeResponse response = ext.orElseGet(contents);
			if (response.isNotFound()) {
				return Optional.empty();
			}
			if (!response.isSuccess()) {
				throw http.statusError(response);
			}
			return Optional.of(parse(response, ext.isPresent()));
		}

		private GiteaRoot parse(ForgeResponse response, boolean extended) {
			JsonNode answer = http.json(response);
			JsonNode listing = extended ? answer.path("dir_contents") : answer;
			List<TreeEntry> entries = RootListing.entries(http, response.uri(), listing,
					extended ? " in dir_contents" : "", RootListing.Entry::type);
			Map<String, String> linkTexts = new HashMap<>();
			for (JsonNode node : listing.values()) {
				Content entry = http.read(node, Content.class, response.uri());
				entry.linkText().ifPresent((text) -> linkTexts.putIfAbsent(entry.name(), text));
			}
			return new GiteaRoot(entries, linkTexts);
		}
	}
}
