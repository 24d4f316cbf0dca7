package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code contents} endpoint of a {@link FakeGitHub}, as GitHub documents it: line-wrapped base64,
 * {@code "encoding": "none"} and an empty content over 1 MB (the bytes only with the raw media type),
 * submodules listed as {@code "file"}, and a link to a file of the repository answered with that file.
 * Called with the state's lock held.
 */
final class FakeGitHubContents {

	private final FakeGiteaState state;

	private final JsonMapper mapper;

	private final String baseUrl;

	FakeGitHubContents(FakeGiteaState state, JsonMapper mapper, String baseUrl) {
		this.state = state;
		this.mapper = mapper;
		this.baseUrl = baseUrl;
	}

	FakeGiteaResponse answer(FakeGiteaApi.Call call, FakeGitea.Request request, FakeGiteaRepo repo,
			String requested) {
		String path = requested;
		if (repo.isEmpty()) {
			return FakeGitHubRest.error(mapper, 404, "This repository is empty.");
		}
		String ref = call.query().get("ref");
		if (ref != null && !ref.equals(repo.defaultBranchName())) {
			return FakeGitHubRest.error(mapper, 404, "No commit found for the ref " + ref);
		}
		String type = path.isEmpty() ? "dir" : FakeGiteaContents.type(repo, path);
		if (type == null) {
			return FakeGitHubRest.error(mapper, 404, "Not Found");
		}
		if (type.equals("dir")) {
			List<Object> listing = new ArrayList<>();
			String prefix = path.isEmpty() ? "" : path + "/";
			FakeGiteaContents.children(repo, path)
				.forEach((name, childType) -> listing.add(entry(repo, prefix + name, childType, false)));
			return FakeGiteaResponse.json(mapper, 200, listing);
		}
		if (type.equals("symlink")) {
			// GitHub answers a link to a file of the repository with that file; any other link as itself.
			String followed = followLink(repo, path);
			if (followed != null) {
				path = followed;
				type = "file";
			}
		}
		String accept = String.valueOf(request.header("Accept"));
		if (type.equals("file") && accept.contains("raw")) {
			return FakeGiteaResponse.bytes(200, "application/vnd.github.raw; charset=utf-8", repo.files().get(path));
		}
		return FakeGiteaResponse.json(mapper, 200, entry(repo, path, type, true));
	}

	/** The file a link (or chain of links) leads to inside the repository; {@code null} for anything else. */
	private static String followLink(FakeGiteaRepo repo, String link) {
		String path = link;
		for (int hop = 0; hop < 5 && repo.symlinks().containsKey(path); hop++) {
			Path parent = Path.of(path).getParent();
			Path target = ((parent == null) ? Path.of("") : parent).resolve(repo.symlinks().get(path)).normalize();
			if (repo.symlinks().get(path).startsWith("/") || target.toString().isEmpty() || target.startsWith("..")) {
				return null;
			}
			path = target.toString();
		}
		return "file".equals(FakeGiteaContents.type(repo, path)) ? path : null;
	}

	/**
	 * A contents entry as GitHub documents it. In a directory listing a submodule has the type
	 * {@code "file"} (for backwards compatibility), size 0, no {@code download_url} and a {@code git_url}
	 * to a tree; read on its own it is a {@code "submodule"} with its {@code submodule_git_url}.
	 */
	private Map<String, Object> entry(FakeGiteaRepo repo, String path, String type, boolean withContent) {
		byte[] blob = type.equals("file") ? repo.files().get(path) : new byte[0];
		boolean inline = withContent && type.equals("file") && blob.length <= state.maxBlobSize;
		String api = baseUrl + "/api/v3/repos/" + repo.owner() + "/" + repo.name();
		String self = api + "/contents/" + path;
		String sha = FakeGiteaRepo.sha(repo.name() + ":" + path);
		boolean submodule = type.equals("submodule");
		String git = api + "/git/" + (type.equals("dir") || submodule ? "trees/" : "blobs/") + sha;
		String html = submodule ? baseUrl + "/acme/vendored/tree/" + sha
				: baseUrl + "/" + repo.owner() + "/" + repo.name() + "/blob/main/" + path;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", (submodule && !withContent) ? "file" : type);
		json.put("size", type.equals("file") ? blob.length
				: type.equals("symlink") ? repo.symlinks().get(path).getBytes(StandardCharsets.UTF_8).length : 0);
		json.put("name", path.substring(path.lastIndexOf('/') + 1));
		json.put("path", path);
		json.put("sha", sha);
		json.put("url", self + "?ref=" + repo.defaultBranchName());
		json.put("git_url", git);
		json.put("html_url", html);
		json.put("download_url", (type.equals("file") || type.equals("symlink")) ? baseUrl + "/raw/" + path : null);
		if (type.equals("symlink")) {
			json.put("target", repo.symlinks().get(path));
		}
		if (submodule && withContent) {
			json.put("submodule_git_url", "https://example.com/acme/vendored.git");
		}
		if (withContent && type.equals("file")) {
			// Over 1 MB only the raw and object media types carry the content.
			json.put("encoding", inline ? "base64" : "none");
			json.put("content", inline ? Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(blob) + "\n" : "");
		}
		json.put("_links", Map.of("self", self, "git", git, "html", html));
		return json;
	}
}
