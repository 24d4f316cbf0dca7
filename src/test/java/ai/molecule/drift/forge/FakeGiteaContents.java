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
 * The file endpoints of a {@link FakeGitea}: {@code contents} (file object or directory array),
 * {@code raw}, and the 1.24+ {@code file-contents} batch. Called with the state's lock held.
 */
final class FakeGiteaContents {

	/** Gitea's batch answer stops after {@code DEFAULT_PAGING_NUM} files. */
	private static final int BATCH_MAX_FILES = 30;

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
		if (repo.isEmpty()) {
			return error(404, "repository is empty");
		}
		String ref = call.query().get("ref");
		boolean knownRef = ref == null || ref.isEmpty() || ref.equals(repo.defaultBranchName());
		String path = String.join("/", call.segments().subList(4, call.segments().size()));
		return switch (kind) {
			case "raw" -> raw(repo, path);
			case "contents" -> knownRef ? contents(repo, path) : error(404, "object does not exist [id: " + ref + "]");
			default -> knownRef ? batch(call, repo) : error(404, "object does not exist [id: " + ref + "]");
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

	private FakeGiteaResponse contents(FakeGiteaRepo repo, String path) {
		String type = path.isEmpty() ? "dir" : type(repo, path);
		if (type == null) {
			return error(404, "GetContentsOrList");
		}
		if (!type.equals("dir")) {
			return json(entry(repo, path, type, true));
		}
		List<Object> listing = new ArrayList<>();
		String prefix = path.isEmpty() ? "" : path + "/";
		children(repo, path).forEach((name, childType) -> listing.add(entry(repo, prefix + name, childType, false)));
		return json(listing);
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
			// A path that cannot be read as a file is null in the answer.
			answer.add("file".equals(type) ? entry(repo, path, type, true) : null);
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

	/** A {@code ContentsResponse}; {@code content} only for a single file under the blob limit, as Gitea does. */
	private Map<String, Object> entry(FakeGiteaRepo repo, String path, String type, boolean withContent) {
		byte[] blob = switch (type) {
			case "file" -> repo.files().get(path);
			case "symlink" -> repo.symlinks().get(path).getBytes(StandardCharsets.UTF_8);
			default -> new byte[0];
		};
		boolean inline = withContent && type.equals("file") && blob.length <= state.maxBlobSize;
		String self = baseUrl + "/api/v1/repos/" + repo.owner() + "/" + repo.name() + "/contents/" + path;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", path.substring(path.lastIndexOf('/') + 1));
		json.put("path", path);
		json.put("sha", FakeGiteaRepo.sha(repo.name() + ":" + path));
		json.put("last_commit_sha", FakeGiteaRepo.sha(repo.name()));
		json.put("type", type);
		json.put("size", type.equals("dir") ? 0 : blob.length);
		json.put("encoding", inline ? "base64" : null);
		json.put("content", inline ? encode(blob) : null);
		json.put("target", type.equals("symlink") ? repo.symlinks().get(path) : null);
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
