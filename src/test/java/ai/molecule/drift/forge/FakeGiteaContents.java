package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file endpoints of a {@link FakeGitea}: {@code contents} (file object or directory array, every entry
 * with its last commit), {@code contents-ext} (metadata only unless {@code includes} asks for more),
 * {@code raw}, and the 1.24+ {@code file-contents} batch. Called with the state's lock held.
 */
final class FakeGiteaContents {

	/** Gitea's batch answer stops after {@code DEFAULT_PAGING_NUM} files. */
	private static final int BATCH_MAX_FILES = 30;

	/** Gitea reads at most this much of a symbolic link's blob into {@code target} ({@code GetBlobContent(1024)}). */
	private static final int TARGET_MAX_BYTES = 1024;

	/** What one entry of an answer holds, as Gitea's {@code GetContentsOrListOptions} says. */
	private record Includes(boolean content, boolean commit) {
	}

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final String baseUrl;

	FakeGiteaContents(FakeGiteaState state, JsonMapper mapper, String baseUrl) {
		this.state = state;
		this.mapper = mapper;
		this.baseUrl = baseUrl;
	}

	FakeGiteaResponse answer(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		String kind = call.segment(3);
		if (kind.equals("file-contents") && (!state.batchFileContents || call.segments().size() != 4)) {
			// An older Gitea has no such route.
			return error(404, "The target couldn't be found.");
		}
		if (kind.equals("contents-ext") && !state.contentsExt) {
			return error(404, "The target couldn't be found.");
		}
		if (repo.isEmpty()) {
			return error(404, "repository is empty");
		}
		String ref = call.query().get("ref");
		boolean knownRef = ref == null || ref.isEmpty() || ref.equals(repo.defaultBranchName());
		String path = String.join("/", call.segments().subList(4, call.segments().size()));
		if (!kind.equals("raw") && !knownRef) {
			return error(404, "object does not exist [id: " + ref + "]");
		}
		return switch (kind) {
			case "raw" -> raw(repo, path);
			case "contents" -> contents(repo, path);
			case "contents-ext" -> contentsExt(call, repo, path);
			default -> batch(call, repo);
		};
	}

	/** Like Gitea's legacy ref handling, {@code raw} reads the default branch whatever the ref. */
	private FakeGiteaResponse raw(FakeGiteaRepo repo, String path) {
		byte[] content = repo.files().get(path);
		if (content == null && repo.symlinks().containsKey(path)) {
			content = repo.symlinks().get(path).getBytes(StandardCharsets.UTF_8);
		}
		if (content == null) {
			return error(404, "The target couldn't be found.");
		}
		return FakeGiteaResponse.bytes(200, "text/plain; charset=utf-8", content)
			.header("ETag", "\"" + FakeGiteaRepo.sha(new String(content, StandardCharsets.ISO_8859_1)) + "\"");
	}

	/** GitHub's shape: a file object, or a directory's array; every entry with its last commit. */
	private FakeGiteaResponse contents(FakeGiteaRepo repo, String path) {
		String type = path.isEmpty() ? "dir" : type(repo, path);
		if (type == null) {
			return error(404, "GetContentsOrList");
		}
		if (!type.equals("dir")) {
			return json(entry(repo, path, type, new Includes(true, true)));
		}
		return json(listing(repo, path, new Includes(false, true)));
	}

	/** {@code {"file_contents": ...}} or {@code {"dir_contents": [...]}}; {@code includes} opts into more. */
	private FakeGiteaResponse contentsExt(FakeGiteaApi.Call call, FakeGiteaRepo repo, String path) {
		String dir = (path.equals(".") || path.equals("/")) ? "" : path;
		boolean content = false;
		boolean commit = false;
		for (String include : call.query().getOrDefault("includes", "").split(",")) {
			switch (include) {
				case "" -> { }
				case "file_content" -> content = true;
				case "commit_metadata", "commit_message" -> commit = true;
				case "lfs_metadata" -> { }
				default -> {
					return error(400, "unknown include option \"" + include + "\"");
				}
			}
		}
		String type = dir.isEmpty() ? "dir" : type(repo, dir);
		if (type == null) {
			return error(404, "GetContentsOrList");
		}
		if (!type.equals("dir")) {
			return json(Map.of("file_contents", entry(repo, dir, type, new Includes(content, commit))));
		}
		// Never file content when listing a directory.
		return json(Map.of("dir_contents", listing(repo, dir, new Includes(false, commit))));
	}

	private List<Object> listing(FakeGiteaRepo repo, String dir, Includes includes) {
		List<Object> listing = new ArrayList<>();
		String prefix = dir.isEmpty() ? "" : dir + "/";
		children(repo, dir).forEach((name, childType) -> listing.add(entry(repo, prefix + name, childType, includes)));
		return listing;
	}

	private FakeGiteaResponse batch(FakeGiteaApi.Call call, FakeGiteaRepo repo) {
		List<String> files = new ArrayList<>();
		try {
			JsonNode body = call.method().equals("POST") ? mapper.readTree(call.body())
					: mapper.readTree(call.query().getOrDefault("body", "{}"));
			body.path("files").values().forEach((node) -> files.add(node.asString()));
		}
		catch (JacksonException ex) {
			return error(422, "invalid body: " + ex.getOriginalMessage());
		}
		List<Object> answer = new ArrayList<>();
		for (String path : files) {
			String type = type(repo, path);
			// Each path as the contents endpoint answers it (a link, a directory too); a path that cannot be read is null.
			answer.add((type != null) ? entry(repo, path, type, new Includes(true, true)) : null);
			if (answer.size() == BATCH_MAX_FILES) {
				break;
			}
		}
		return json(answer);
	}

	/** The entries directly under {@code dir} ({@code ""} for the root): name to Gitea type. */
	static Map<String, String> children(FakeGiteaRepo repo, String dir) {
		String prefix = dir.isEmpty() ? "" : dir + "/";
		Map<String, String> children = new TreeMap<>();
		addChildren(children, prefix, repo.files().keySet(), "file");
		addChildren(children, prefix, repo.dirs(), "dir");
		addChildren(children, prefix, repo.symlinks().keySet(), "symlink");
		addChildren(children, prefix, repo.submodules(), "submodule");
		return children;
	}

	private static void addChildren(Map<String, String> children, String prefix, Iterable<String> paths, String type) {
		for (String path : paths) {
			if (path.startsWith(prefix) && path.length() > prefix.length()) {
				String rest = path.substring(prefix.length());
				int slash = rest.indexOf('/');
				children.putIfAbsent((slash < 0) ? rest : rest.substring(0, slash), (slash < 0) ? type : "dir");
			}
		}
	}

	static String type(FakeGiteaRepo repo, String path) {
		if (repo.files().containsKey(path)) {
			return "file";
		}
		if (repo.symlinks().containsKey(path)) {
			return "symlink";
		}
		if (repo.submodules().contains(path)) {
			return "submodule";
		}
		return (repo.dirs().contains(path) || !children(repo, path).isEmpty()) ? "dir" : null;
	}

	/**
	 * A {@code ContentsResponse}; {@code content} only for a single file under the blob limit, a link's
	 * {@code target} always (its first 1024 bytes), the last commit only when asked for, as Gitea does.
	 */
	private Map<String, Object> entry(FakeGiteaRepo repo, String path, String type, Includes includes) {
		byte[] blob = switch (type) {
			case "file" -> repo.files().get(path);
			case "symlink" -> repo.symlinks().get(path).getBytes(StandardCharsets.UTF_8);
			default -> new byte[0];
		};
		boolean inline = includes.content() && type.equals("file") && blob.length <= state.maxBlobSize;
		String self = baseUrl + "/api/v1/repos/" + repo.owner() + "/" + repo.name() + "/contents/" + path;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", path.substring(path.lastIndexOf('/') + 1));
		json.put("path", path);
		json.put("sha", type.equals("file") ? FakeGiteaRepo.blobSha(blob) : FakeGiteaRepo.sha(repo.name() + ":" + path));
		if (includes.commit()) {
			state.commitLookups.incrementAndGet();
			json.put("last_commit_sha", FakeGiteaRepo.sha(repo.name()));
		}
		json.put("type", type);
		json.put("size", type.equals("dir") ? 0 : blob.length);
		json.put("encoding", inline ? "base64" : null);
		json.put("content", inline ? encode(blob) : null);
		json.put("target", type.equals("symlink")
				? new String(blob, 0, Math.min(blob.length, TARGET_MAX_BYTES), StandardCharsets.UTF_8) : null);
		json.put("url", self + "?ref=" + repo.defaultBranchName());
		json.put("download_url", baseUrl + "/" + repo.owner() + "/" + repo.name() + "/raw/branch/"
				+ repo.defaultBranchName() + "/" + path);
		json.put("submodule_git_url", null);
		json.put("_links", Map.of("self", self));
		return json;
	}

	private String encode(byte[] blob) {
		if (!state.wrapBase64) {
			return Base64.getEncoder().encodeToString(blob);
		}
		// GitHub's style: lines of 60 characters, each ending in a newline.
		return Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(blob) + "\n";
	}

	private FakeGiteaResponse json(Object value) {
		return FakeGiteaResponse.json(mapper, 200, value);
	}

	private FakeGiteaResponse error(int status, String message) {
		return FakeGiteaResponse.error(mapper, status, message, baseUrl);
	}
}
