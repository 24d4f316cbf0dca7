package ai.molecule.drift.forge;

import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GiteaPayloads.Content;

/**
 * Reads files as bytes on Gitea: several at once through {@code file-contents} (1.24+, shared with the
 * scan's own batch so that the server's answer is learnt once), else one {@code contents} request each.
 * Links are not followed: Gitea answers a link as a {@code symlink} entry, which is no file here.
 */
final class GiteaBlobs {

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final GiteaBatchRead batch;

	GiteaBlobs(ForgeUrls urls, ForgeHttpClient http, GiteaBatchRead batch) {
		this.urls = urls;
		this.http = http;
		this.batch = batch;
	}

	Map<String, FileBytes> read(RepoRef repo, List<String> paths) {
		String ref = (repo.defaultBranch() == null || repo.defaultBranch().isBlank()) ? null : repo.defaultBranch();
		Map<String, FileBytes> alone = new HashMap<>();
		Function<String, FileBytes> readAlone = (path) -> alone.computeIfAbsent(path,
				(p) -> read(repo.owner(), repo.name(), ref, p));
		Optional<List<Content>> batched = paths.isEmpty() ? Optional.empty()
				: batch.read(repo, ref, paths, () -> readAlone.apply(paths.get(0)).kind() != FileBytes.Kind.ABSENT);
		Map<String, FileBytes> files = new LinkedHashMap<>();
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			// Gitea leaves a missing file out of the batch (null): only a read of its own says 404.
			Content entry = GiteaBatchRead.entryAt(batched.orElse(List.of()), i, path);
			files.put(path, (entry != null) ? bytes(repo.owner(), repo.name(), ref, path, entry) : readAlone.apply(path));
		}
		return files;
	}

	/** One path at {@code ref}; absent when the repository, the ref or the path does not exist. */
	FileBytes read(String owner, String repo, String ref, String path) {
		URI uri = urls.api("repos", owner, repo, "contents").filePath(path).query("ref", ref).build();
		Optional<JsonNode> node = http.getJson(uri);
		if (node.isEmpty()) {
			return FileBytes.absent("404");
		}
		if (node.get().isArray()) {
			return FileBytes.notAFile("a directory");
		}
		return bytes(owner, repo, ref, path, http.read(node.get(), Content.class, uri));
	}

	private FileBytes bytes(String owner, String repo, String ref, String path, Content entry) {
		String type = String.valueOf(entry.type());
		if (!"file".equals(type)) {
			return FileBytes.notAFile(switch (type) {
				case "dir" -> "a directory";
				case "symlink" -> "a symbolic link";
				default -> "a " + type;
			});
		}
		return FileBytes.file(fileBytes(owner, repo, ref, path, entry).orElseThrow(() -> new ForgeException(path
				+ " is listed as a file but reading it answered 404 for its raw content")));
	}

	/**
	 * A file entry's bytes: inline (base64), or read raw where Gitea left them out (over its blob limit);
	 * empty when that raw read answers 404. Bytes short of the entry's size were cut on the way: unknown.
	 */
	Optional<byte[]> fileBytes(String owner, String repo, String ref, String path, Content entry) {
		if (entry.content() == null) {
			if (entry.size() == 0) {
				return Optional.of(new byte[0]);
			}
			return raw(owner, repo, ref, path).map((bytes) -> complete(path, entry.size(), bytes));
		}
		try {
			return Optional.of(complete(path, entry.size(), Base64.getMimeDecoder().decode(entry.content())));
		}
		catch (IllegalArgumentException ex) {
			throw http.failure("the content of " + path + " in " + owner + "/" + repo + " is not valid base64");
		}
	}

	/** The raw bytes at {@code path}, whatever the entry is (a link's own text for a link); empty on a 404. */
	Optional<byte[]> raw(String owner, String repo, String ref, String path) {
		URI uri = urls.api("repos", owner, repo, "raw").filePath(path).query("ref", ref).build();
		ForgeResponse response = http.get(uri);
		if (response.isNotFound()) {
			return Optional.empty();
		}
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		return Optional.of(response.body());
	}

	private static byte[] complete(String path, long size, byte[] bytes) {
		if (bytes.length != size) {
			throw ListedPaths.cutShort(path, size, bytes.length);
		}
		return bytes;
	}
}
