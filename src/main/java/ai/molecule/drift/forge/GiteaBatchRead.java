package ai.molecule.drift.forge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GiteaPayloads.Content;

/**
 * Gitea 1.24+'s {@code file-contents} endpoint: several files of a repository in one request. Whether
 * the server has it is learnt once per instance. Thread-safe.
 */
final class GiteaBatchRead {

	private enum Support {
		UNKNOWN, SUPPORTED, UNSUPPORTED
	}

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Object probeLock = new Object();

	private volatile Support support = Support.UNKNOWN;

	GiteaBatchRead(ForgeUrls urls, ForgeHttpClient http) {
		this.urls = urls;
		this.http = http;
	}

	/**
	 * The batch answer, or empty when this server has no batch endpoint. While that is unknown the
	 * first caller asks alone, so that an old server is probed once rather than once per thread.
	 */
	Optional<List<Content>> read(RepoRef repo, String ref, List<String> wanted) {
		if (support == Support.SUPPORTED) {
			return request(repo, ref, wanted);
		}
		if (support == Support.UNSUPPORTED) {
			return Optional.empty();
		}
		synchronized (probeLock) {
			if (support == Support.UNKNOWN) {
				Optional<List<Content>> answer = request(repo, ref, wanted);
				support = answer.isPresent() ? Support.SUPPORTED : Support.UNSUPPORTED;
				return answer;
			}
		}
		return read(repo, ref, wanted);
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
