package ai.molecule.drift.forge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.GiteaPayloads.Content;

/**
 * Reads a repository's root listing ({@link GiteaRoot}) and a few of its files: with one {@code file-contents}
 * request on Gitea 1.24+ ({@link GiteaBatchRead}), else one {@code contents} request per file, and holds every
 * answer to the listing ({@link ListedPaths}).
 */
final class GiteaFileReader {

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final GiteaBatchRead batch;

	private final GiteaRoot.Reader roots;

	private final GiteaBlobs blobs;

	GiteaFileReader(ForgeUrls urls, ForgeHttpClient http) {
		this.urls = urls;
		this.http = http;
		this.batch = new GiteaBatchRead(urls, http);
		this.roots = new GiteaRoot.Reader(urls, http);
		this.blobs = new GiteaBlobs(urls, http, batch);
	}

	/** Bytes reads, on the same {@code file-contents} endpoint (and what was learnt of it). */
	GiteaBlobs blobs() {
		return blobs;
	}

	RepoFiles read(RepoRef repo, Set<String> paths) {
		try {
			if (repo.empty()) {
				return confirmEmpty(repo);
			}
			// Every way of listing falls back to contents, so a 404 is always that one's.
			GiteaRoot root = roots.read(repo, ref(repo)).orElseThrow(() -> http.failure(ForgeHttpClient.describe(
					urls.api("repos", repo.owner(), repo.name(), "contents").build())
					+ ": HTTP 404 for the root of a non-empty repository (it vanished or is not readable)"));
			ListedPaths listed = ListedPaths.of(root.entries());
			List<String> wanted = listed.files(paths);
			Map<String, String> files = wanted.isEmpty() ? Map.of() : readFiles(repo, root, listed, wanted);
			for (String dir : listed.directories(paths)) {
				listed.confirm(dir, single(repo.owner(), repo.name(), ref(repo), dir));
			}
			return new RepoFiles(root.entries(), files);
		}
		catch (ForgeException ex) {
			throw new ForgeException("reading " + repo.fullName() + ": " + ex.getMessage(), ex);
		}
	}

	/** One file: empty when absent (404) or a directory. */
	Optional<String> readOne(String owner, String repo, String ref, String path) {
		return Optional.ofNullable(single(owner, repo, ref, path).text());
	}

	private PathRead single(String owner, String repo, String ref, String path) {
		return single(owner, repo, ref, path, 0);
	}

	private PathRead single(String owner, String repo, String ref, String path, int hops) {
		URI uri = urls.api("repos", owner, repo, "contents").filePath(path).query("ref", ref).build();
		Optional<JsonNode> node = http.getJson(uri);
		if (node.isEmpty()) {
			return PathRead.absent("404");
		}
		if (node.get().isArray()) {
			return PathRead.directory("a directory");
		}
		return text(owner, repo, ref, path, http.read(node.get(), Content.class, uri), hops);
	}

	/**
	 * The org listing's {@code empty} flag is checked, not trusted: Gitea answers the root of an empty
	 * repository with a 404, and a flag that hides files would hide a pin.
	 */
	private RepoFiles confirmEmpty(RepoRef repo) {
		Optional<GiteaRoot> root = roots.read(repo, ref(repo));
		if (root.isEmpty() || root.get().entries().isEmpty()) {
			return RepoFiles.empty();
		}
		throw new ForgeException("the org listing says the repository is empty but its root lists "
				+ root.get().entries().size() + " entries");
	}

	private Map<String, String> readFiles(RepoRef repo, GiteaRoot root, ListedPaths listed, List<String> wanted) {
		String ref = ref(repo);
		Map<String, PathRead> alone = new HashMap<>();
		Function<String, PathRead> readAlone = (path) -> alone.computeIfAbsent(path,
				(p) -> single(repo.owner(), repo.name(), ref, p));
		// A link whose text came whole with the listing needs no read of its own, only of what it leads to.
		List<String> toRead = wanted.stream().filter((path) -> root.linkText(path).isEmpty()).toList();
		Optional<List<Content>> batched = toRead.isEmpty() ? Optional.empty()
				: batch.read(repo, ref, toRead, () -> readAlone.apply(toRead.get(0)).kind() != PathRead.Kind.ABSENT);
		Map<String, String> files = new LinkedHashMap<>();
		for (String path : wanted) {
			Optional<String> link = root.linkText(path);
			PathRead read;
			if (link.isPresent()) {
				read = RepoLinks.follow(path, link.get(), 0,
						(to, hops) -> single(repo.owner(), repo.name(), ref, to, hops));
			}
			else {
				Content entry = GiteaBatchRead.entryAt(batched.orElse(List.of()), toRead.indexOf(path), path);
				read = (entry != null) ? text(repo.owner(), repo.name(), ref, path, entry, 0) : readAlone.apply(path);
				if (entry == null && batched.isPresent()) {
					read = read.because("the batch read had left it out");
				}
			}
			listed.confirm(path, read).ifPresent((content) -> files.put(path, content));
		}
		return files;
	}

	/**
	 * What the entry holds; a file over the server's blob limit has no inline content and is read raw.
	 * A file whose bytes fall short of its size was cut on the way, and is unknown, never its prefix.
	 * A symbolic link is followed ({@link RepoLinks}): Gitea answers the link itself, never what it leads to.
	 */
	private PathRead text(String owner, String repo, String ref, String path, Content entry, int hops) {
		if ("dir".equals(entry.type()) || "submodule".equals(entry.type())) {
			return PathRead.directory("a " + ("dir".equals(entry.type()) ? "directory" : "submodule"));
		}
		if ("symlink".equals(entry.type())) {
			// Gitea's target holds a link's text up to 1024 bytes; its raw endpoint serves all of it.
			String target = entry.linkText()
				.orElseGet(() -> blobs.raw(owner, repo, ref, path).map(GiteaFileReader::utf8).orElse(null));
			return RepoLinks.follow(path, target, hops, (to, deeper) -> single(owner, repo, ref, to, deeper));
		}
		return blobs.fileBytes(owner, repo, ref, path, entry)
			.map((bytes) -> PathRead.file(utf8(bytes)))
			.orElseGet(() -> PathRead.absent("404 for its raw content"));
	}

	private static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** The branch to read; none (the server's default) when the listing gave none. */
	private static String ref(RepoRef repo) {
		String branch = repo.defaultBranch();
		return (branch == null || branch.isBlank()) ? null : branch;
	}

}
