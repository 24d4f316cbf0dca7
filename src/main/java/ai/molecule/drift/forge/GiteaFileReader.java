package ai.molecule.drift.forge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GiteaPayloads.Content;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * Reads a repository's root listing and a few of its files: with one {@code file-contents} request
 * on Gitea 1.24+, else one {@code contents} request per file. Whether the server has the batch
 * endpoint is learnt once per instance.
 */
final class GiteaFileReader {

	private enum Batch {
		UNKNOWN, SUPPORTED, UNSUPPORTED
	}

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Object probeLock = new Object();

	private volatile Batch batch = Batch.UNKNOWN;

	GiteaFileReader(ForgeUrls urls, ForgeHttpClient http) {
		this.urls = urls;
		this.http = http;
	}

	RepoFiles read(RepoRef repo, Set<String> paths) {
		if (repo.empty()) {
			return RepoFiles.empty();
		}
		try {
			List<TreeEntry> topLevel = listRoot(repo);
			List<String> wanted = topLevel.stream()
				.filter((entry) -> entry.type() == TreeEntry.Type.FILE || entry.type() == TreeEntry.Type.SYMLINK)
				.map(TreeEntry::name)
				.filter(paths::contains)
				.sorted()
				.toList();
			return new RepoFiles(topLevel, wanted.isEmpty() ? Map.of() : readFiles(repo, wanted));
		}
		catch (ForgeException ex) {
			throw new ForgeException("reading " + repo.fullName() + ": " + ex.getMessage(), ex);
		}
	}

	/** One file: empty when absent (404) or a directory. */
	Optional<String> readOne(String owner, String repo, String ref, String path) {
		URI uri = urls.api("repos", owner, repo, "contents").filePath(path).query("ref", ref).build();
		Optional<JsonNode> node = http.getJson(uri);
		if (node.isEmpty() || node.get().isArray()) {
			return Optional.empty();
		}
		return text(owner, repo, ref, path, http.read(node.get(), Content.class, uri));
	}

	private List<TreeEntry> listRoot(RepoRef repo) {
		URI uri = urls.api("repos", repo.owner(), repo.name(), "contents").query("ref", ref(repo)).build();
		ForgeResponse response = http.get(uri);
		if (response.isNotFound()) {
			throw http.failure(ForgeHttpClient.describe(uri)
					+ ": HTTP 404 for the root of a non-empty repository (it vanished or is not readable)");
		}
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		return RootListing.entries(http, response);
	}

	private Map<String, String> readFiles(RepoRef repo, List<String> wanted) {
		List<Content> batched = batch(repo, wanted).orElse(List.of());
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < wanted.size(); i++) {
			String path = wanted.get(i);
			Content entry = entryAt(batched, i, path);
			Optional<String> text = (entry != null) ? text(repo.owner(), repo.name(), ref(repo), path, entry)
					: readOne(repo.owner(), repo.name(), ref(repo), path);
			text.ifPresent((content) -> files.put(path, content));
		}
		return files;
	}

	/**
	 * The batch answer, or empty when this server has no batch endpoint. While that is unknown the
	 * first caller asks alone, so that an old server is probed once rather than once per thread.
	 */
	private Optional<List<Content>> batch(RepoRef repo, List<String> wanted) {
		if (batch == Batch.SUPPORTED) {
			return requestBatch(repo, wanted);
		}
		if (batch == Batch.UNSUPPORTED) {
			return Optional.empty();
		}
		synchronized (probeLock) {
			if (batch == Batch.UNKNOWN) {
				Optional<List<Content>> answer = requestBatch(repo, wanted);
				batch = answer.isPresent() ? Batch.SUPPORTED : Batch.UNSUPPORTED;
				return answer;
			}
		}
		return batch(repo, wanted);
	}

	private Optional<List<Content>> requestBatch(RepoRef repo, List<String> wanted) {
		URI uri = urls.api("repos", repo.owner(), repo.name(), "file-contents")
			.query("ref", ref(repo))
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
	private static Content entryAt(List<Content> entries, int i, String path) {
		Content entry = (i < entries.size()) ? entries.get(i) : null;
		if (entry == null || (entry.path() != null && !entry.path().equals(path))) {
			return null;
		}
		return entry;
	}

	/** The entry's text; a file over the server's blob limit has no inline content and is read raw. */
	private Optional<String> text(String owner, String repo, String ref, String path, Content entry) {
		if ("dir".equals(entry.type()) || "submodule".equals(entry.type())) {
			return Optional.empty();
		}
		if (entry.content() == null) {
			if (entry.size() == 0 && !"symlink".equals(entry.type())) {
				return Optional.of("");
			}
			return raw(owner, repo, ref, path);
		}
		try {
			return Optional.of(new String(Base64.getMimeDecoder().decode(entry.content()), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw http.failure("the content of " + path + " in " + owner + "/" + repo + " is not valid base64");
		}
	}

	private Optional<String> raw(String owner, String repo, String ref, String path) {
		URI uri = urls.api("repos", owner, repo, "raw").filePath(path).query("ref", ref).build();
		ForgeResponse response = http.get(uri);
		if (response.isNotFound()) {
			return Optional.empty();
		}
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		return Optional.of(response.text());
	}

	/** The branch to read; none (the server's default) when the listing gave none. */
	private static String ref(RepoRef repo) {
		String branch = repo.defaultBranch();
		return (branch == null || branch.isBlank()) ? null : branch;
	}

}
