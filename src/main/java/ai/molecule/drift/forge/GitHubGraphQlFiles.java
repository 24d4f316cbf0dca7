package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * Reads the root entries and a few top-level files of many repositories with one GraphQL query:
 * {@code object(expression: "HEAD:<path>")} per file, aliased per repository. A repository the answer
 * does not cover completely (an error on it, a missing root, no data at all) is left out, for the
 * caller to read again; a blob GraphQL gives no text for (binary, or truncated because it is large) is
 * read through REST, and so is a symbolic link: GraphQL gives a link's blob, whose text is the link's
 * own, not what it leads to ({@link RepoLinks}).
 */
final class GitHubGraphQlFiles {

	/** Git's file mode of a symbolic link (0120000). */
	private static final int SYMLINK_MODE = 0120000;

	private final GitHubGraphQl graphql;

	private final GitHubRestFiles rest;

	GitHubGraphQlFiles(GitHubGraphQl graphql, GitHubRestFiles rest) {
		this.graphql = graphql;
		this.rest = rest;
	}

	/**
	 * The files of every repository the answer covers completely, by repository name; the others are
	 * in {@link Answer#failures()} with the reason.
	 */
	Answer read(String owner, List<RepoRef> repos, List<String> paths) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("owner", owner);
		for (int i = 0; i < repos.size(); i++) {
			variables.put("n" + i, repos.get(i).name());
		}
		for (int j = 0; j < paths.size(); j++) {
			variables.put("p" + j, "HEAD:" + paths.get(j));
		}
		GitHubGraphQl.Result result = graphql.query(query(repos.size(), paths.size()), variables);
		Map<String, RepoFiles> files = new LinkedHashMap<>();
		Map<String, String> failures = new LinkedHashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		// An error of the whole query says nothing of the repositories that came back: only the others are missing.
		String noData = result.request() + ": no data for the repository" + (result.queryErrors().isEmpty() ? ""
				: " (" + String.join("; ", result.queryErrors().stream().map(GitHubGraphQl.Error::toString).toList()) + ")");
		for (int i = 0; i < repos.size(); i++) {
			RepoRef repo = repos.get(i);
			List<GitHubGraphQl.Error> errors = result.errorsAt("r" + i);
			JsonNode node = result.data().path("r" + i);
			if (!errors.isEmpty()) {
				failures.put(repo.name(), result.request() + ": " + errors.get(0));
				continue;
			}
			try {
				repoFiles(repo, node, paths).ifPresentOrElse((read) -> files.put(repo.name(), read), () -> {
					failures.put(repo.name(), noData);
					missing.add(repo.name());
				});
			}
			catch (ForgeException ex) {
				// A contradiction is this repository's own failure, not the batch's.
				failures.put(repo.name(), ex.getMessage());
			}
		}
		return new Answer(files, failures, missing);
	}

	private Optional<RepoFiles> repoFiles(RepoRef repo, JsonNode node, List<String> paths) {
		if (!node.isObject()) {
			return Optional.empty();
		}
		JsonNode root = node.path("root");
		if (node.path("isEmpty").asBoolean(false)) {
			// Checked, not trusted: an "empty" repository whose root has entries would hide its pin.
			if (root.path("entries").isArray() && !root.path("entries").isEmpty()) {
				throw new ForgeException("GraphQL says the repository is empty but its root lists "
						+ root.path("entries").size() + " entries");
			}
			return Optional.of(RepoFiles.empty());
		}
		if (!root.path("entries").isArray()) {
			return Optional.empty();
		}
		List<TreeEntry> topLevel = new ArrayList<>();
		for (JsonNode entry : root.path("entries").values()) {
			TreeEntry.Type type = switch (entry.path("type").asString("")) {
				case "tree" -> TreeEntry.Type.DIR;
				case "commit" -> TreeEntry.Type.SUBMODULE;
				case "blob" -> (entry.path("mode").asInt(0) == SYMLINK_MODE) ? TreeEntry.Type.SYMLINK
						: TreeEntry.Type.FILE;
				default -> null;
			};
			if (type != null && entry.hasNonNull("name")) {
				topLevel.add(new TreeEntry(entry.path("name").asString(), type));
			}
		}
		ListedPaths listed = ListedPaths.of(topLevel);
		Map<String, String> files = new LinkedHashMap<>();
		for (int j = 0; j < paths.size(); j++) {
			String path = paths.get(j);
			boolean link = topLevel.contains(new TreeEntry(path, TreeEntry.Type.SYMLINK));
			PathRead read = link ? rest(repo, path).because("a symbolic link, read through REST")
					: read(repo, path, node.path("f" + j));
			listed.confirm(path, read).ifPresent((text) -> files.put(path, text));
		}
		return Optional.of(new RepoFiles(topLevel, files));
	}

	/** What the query's object for one path holds; a blob without its whole text is read through REST. */
	private PathRead read(RepoRef repo, String path, JsonNode blob) {
		if (!blob.isObject()) {
			return PathRead.absent("nothing (no object at HEAD:" + path + ")");
		}
		// A directory or a submodule at the path matches no "... on Blob": an empty object.
		if (!blob.has("byteSize")) {
			return PathRead.directory("a directory or submodule");
		}
		if (blob.hasNonNull("text") && !blob.path("isTruncated").asBoolean(false)) {
			return PathRead.file(blob.path("text").asString());
		}
		if (blob.path("byteSize").asLong(0) == 0) {
			return PathRead.file("");
		}
		return rest(repo, path).because("GraphQL gave no whole text for its " + blob.path("byteSize").asLong() + " bytes");
	}

	private PathRead rest(RepoRef repo, String path) {
		String branch = (repo.defaultBranch() == null || repo.defaultBranch().isBlank()) ? null : repo.defaultBranch();
		return rest.single(repo.owner(), repo.name(), branch, path);
	}

	/** The query for {@code repos} repositories and {@code paths} files; names and paths travel as variables. */
	static String query(int repos, int paths) {
		StringBuilder query = new StringBuilder("query($owner: String!");
		for (int i = 0; i < repos; i++) {
			query.append(", $n").append(i).append(": String!");
		}
		for (int j = 0; j < paths; j++) {
			query.append(", $p").append(j).append(": String!");
		}
		query.append(") {\n");
		for (int i = 0; i < repos; i++) {
			query.append("  r").append(i).append(": repository(owner: $owner, name: $n").append(i).append(") { ...files }\n");
		}
		query.append("}\n\nfragment files on Repository {\n  name\n  isEmpty\n")
			.append("  root: object(expression: \"HEAD:\") { ... on Tree { entries { name type mode } } }\n");
		for (int j = 0; j < paths; j++) {
			query.append("  f").append(j).append(": object(expression: $p").append(j)
				.append(") { ... on Blob { text isBinary isTruncated byteSize } }\n");
		}
		return query.append("}\n").toString();
	}

	/**
	 * What one query gave.
	 *
	 * @param files by repository name, for the repositories read completely
	 * @param failures by repository name, why the others were not
	 * @param missing the failures that are no answer of their own (null or absent in {@code data}): worth
	 *     asking for again, never to be taken for "no files"
	 */
	record Answer(Map<String, RepoFiles> files, Map<String, String> failures, Set<String> missing) {
	}
}
