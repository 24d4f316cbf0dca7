package ai.molecule.drift.forge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GitHubPayloads.Content;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * Reads a repository's root listing and a few of its files through GitHub's REST {@code contents}
 * API: one request for the listing, one per file present. GitHub wraps its base64 in lines, and sends
 * no content for files over 1 MB, which are then read with the raw media type. GitHub itself follows a
 * link to a file of the repository; a link it answers as a link is followed here ({@link RepoLinks}).
 */
final class GitHubRestFiles {

	private static final String RAW = "application/vnd.github.raw+json";

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	GitHubRestFiles(ForgeUrls urls, ForgeHttpClient http) {
		this.urls = urls;
		this.http = http;
	}

	RepoFiles read(RepoRef repo, Set<String> paths) {
		try {
			Optional<List<TreeEntry>> topLevel = listRoot(repo);
			if (topLevel.isEmpty()) {
				return RepoFiles.empty();
			}
			ListedPaths listed = ListedPaths.of(topLevel.get());
			Map<String, String> files = new LinkedHashMap<>();
			for (String path : listed.files(paths)) {
				listed.confirm(path, single(repo.owner(), repo.name(), ref(repo), path))
					.ifPresent((text) -> files.put(path, text));
			}
			for (String dir : listed.directories(paths)) {
				listed.confirm(dir, single(repo.owner(), repo.name(), ref(repo), dir));
			}
			return new RepoFiles(topLevel.get(), files);
		}
		catch (ForgeException ex) {
			throw new ForgeException("reading " + repo.fullName() + ": " + ex.getMessage(), ex);
		}
	}

	/** One file: empty when absent (404), a directory or a submodule; unknown (an exception) for a broken link. */
	Optional<String> readOne(String owner, String repo, String ref, String path) {
		return Optional.ofNullable(single(owner, repo, ref, path).text());
	}

	/** What the {@code contents} API answers for one path, a symbolic link followed ({@link RepoLinks}). */
	PathRead single(String owner, String repo, String ref, String path) {
		return single(owner, repo, ref, path, 0);
	}

	private PathRead single(String owner, String repo, String ref, String path, int hops) {
		URI uri = contents(owner, repo, ref, path);
		Optional<JsonNode> node = http.getJson(uri);
		if (node.isEmpty()) {
			return PathRead.absent("404");
		}
		if (node.get().isArray()) {
			return PathRead.directory("a directory");
		}
		Content entry = http.read(node.get(), Content.class, uri);
		return switch (String.valueOf(entry.type())) {
			// For a link to a file of the repository GitHub answers that file, under the file's own path.
			case "file" -> PathRead.file(text(path, entry, followed(owner, repo, ref, path, entry, uri)));
			// The link itself: its target is no file of the repository (a directory, nothing, outside).
			case "symlink" -> RepoLinks.follow(path, entry.target(), hops,
					(target, deeper) -> single(owner, repo, ref, target, deeper));
			case "dir" -> PathRead.directory("a directory");
			default -> PathRead.directory("a " + entry.type());
		};
	}

	private URI contents(String owner, String repo, String ref, String path) {
		return urls.api("repos", owner, repo, "contents").filePath(path).query("ref", ref).build();
	}

	/** Where the answer's bytes live: a followed link's raw content is read from its target's path. */
	private URI followed(String owner, String repo, String ref, String path, Content entry, URI uri) {
		// Only a plain path of this repository (no "..", no "//") is taken from the answer.
		boolean elsewhere = entry.path() != null && !entry.path().equals(path)
				&& RepoLinks.resolve("", entry.path()).filter(entry.path()::equals).isPresent();
		return elsewhere ? contents(owner, repo, ref, entry.path()) : uri;
	}

	/** The root entries; empty for an empty repository, which GitHub answers with a 404 of its own. */
	private Optional<List<TreeEntry>> listRoot(RepoRef repo) {
		URI uri = urls.api("repos", repo.owner(), repo.name(), "contents").rootPath().query("ref", ref(repo)).build();
		ForgeResponse response = http.get(uri);
		if (response.isNotFound()) {
			if (response.text().contains("This repository is empty")) {
				return Optional.empty();
			}
			throw http.failure(ForgeHttpClient.describe(uri)
					+ ": HTTP 404 for the root of a repository (it vanished or is not readable)");
		}
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		return Optional.of(GitHubRootListing.entries(http, response));
	}

	/**
	 * One path's bytes at {@code ref}, links not followed: GitHub answers a link to a file of the repository
	 * with that file under its own path, which is how a link is told from the file here.
	 */
	FileBytes blob(String owner, String repo, String ref, String path) {
		URI uri = contents(owner, repo, ref, path);
		Optional<JsonNode> node = http.getJson(uri);
		if (node.isEmpty()) {
			return FileBytes.absent("404");
		}
		if (node.get().isArray()) {
			return FileBytes.notAFile("a directory");
		}
		Content entry = http.read(node.get(), Content.class, uri);
		if (!"file".equals(entry.type())) {
			return FileBytes.notAFile("dir".equals(entry.type()) ? "a directory" : "a " + entry.type());
		}
		if (entry.path() != null && !entry.path().equals(path)) {
			return FileBytes.notAFile("a symbolic link");
		}
		return FileBytes.file(bytes(path, entry, uri));
	}

	/** The file's text; bytes falling short of its size were cut on the way, and are unknown, never its prefix. */
	private String text(String path, Content entry, URI uri) {
		return new String(bytes(path, entry, uri), StandardCharsets.UTF_8);
	}

	private byte[] bytes(String path, Content entry, URI uri) {
		// An empty content for a file that has bytes is no content at all (the 1 to 100 MB case).
		boolean inline = "base64".equalsIgnoreCase(entry.encoding()) && entry.content() != null
				&& !(entry.content().isEmpty() && entry.size() > 0);
		byte[] bytes;
		if (!inline) {
			// Between 1 and 100 MB GitHub sends encoding "none" and an empty content: only the raw media type
			// carries the bytes. A file over drift.forge.max-body-size.file fails there, and is unknown.
			bytes = (entry.size() == 0) ? new byte[0] : raw(uri);
		}
		else {
			try {
				bytes = Base64.getMimeDecoder().decode(entry.content());
			}
			catch (IllegalArgumentException ex) {
				throw http.failure(ForgeHttpClient.describe(uri) + ": the content is not valid base64");
			}
		}
		if (bytes.length != entry.size()) {
			throw ListedPaths.cutShort(path, entry.size(), bytes.length);
		}
		return bytes;
	}

	private byte[] raw(URI uri) {
		ForgeResponse response = http.send(ForgeRequest.get(uri).withHeader("Accept", RAW));
		if (!response.isSuccess()) {
			throw http.statusError(response);
		}
		return response.body();
	}

	private static String ref(RepoRef repo) {
		String branch = repo.defaultBranch();
		return (branch == null || branch.isBlank()) ? null : branch;
	}

}
