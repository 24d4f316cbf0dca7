package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GiteaPayloads.Content;

/**
 * Gitea 1.24+'s {@code file-contents} endpoint: several files of a repository in one request. Whether
 * the server has it is learnt once per instance ({@link GiteaCapability}). Thread-safe.
 */
final class GiteaBatchRead {

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final GiteaCapability support = new GiteaCapability();

	GiteaBatchRead(ForgeUrls urls, ForgeHttpClient http) {
		this.urls = urls;
		this.http = http;
	}

	/**
	 * The batch answer, or empty: read each file alone. A 404 or 405 counts against the server only when
	 * {@code readsAlone} (a read of one of the files by itself) then answers.
	 */
	Optional<List<Content>> read(RepoRef repo, String ref, List<String> wanted, BooleanSupplier readsAlone) {
		return support.ask(() -> request(repo, ref, wanted), readsAlone);
	}

	private Optional<List<Content>> request(RepoRef repo, String ref, List<String> wanted) {
		URI uri = urls.api("repos", repo.owner(), repo.name(), "file-contents")
			.query("ref", ref)
			.query("body", http.toJson(Map.of("files", wanted)))
			.build();
		ForgeResponse response = http.get(uri);
		if (response.status() == 404 || response.status() == 405) {
			return Optional.empty();
		}
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		JsonNode answer = http.json(response);
		if (!answer.isArray()) {
			throw http.failure(ForgeHttpClient.describe(uri) + ": expected a JSON array of file contents");
		}
		List<Content> entries = new ArrayList<>();
		for (JsonNode node : answer.values()) {
			entries.add(node.isNull() ? null : http.read(node, Content.class, uri));
		}
		return Optional.of(entries);
	}

	/**
	 * The batch entry for the i-th path; {@code null} (read it alone) when the server left it out,
	 * could not read it, or answered for another path (it stops after a page of files).
	 */
	static Content entryAt(List<Content> entries, int i, String path) {
		Content entry = (i < entries.size()) ? entries.get(i) : null;
		if (entry == null || (entry.path() != null && !entry.path().equals(path))) {
			return null;
		}
		return entry;
	}
}
