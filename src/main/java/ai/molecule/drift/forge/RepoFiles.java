package ai.molecule.drift.forge;

import java.util.List;
import java.util.Map;

/**
 * What was read from a repository's default branch.
 *
 * @param topLevel the entries at the root of the tree
 * @param files content (UTF-8 text) of the requested files that exist, keyed by path
 */
public record RepoFiles(List<TreeEntry> topLevel, Map<String, String> files) {

	public RepoFiles {
		topLevel = List.copyOf(topLevel);
		files = Map.copyOf(files);
	}

	public static RepoFiles empty() {
		return new RepoFiles(List.of(), Map.of());
	}

	/** One entry at the root of a repository tree. */
	public record TreeEntry(String name, Type type) {

		/** Entry kinds, as forges name them. */
		public enum Type {
			FILE, DIR, SYMLINK, SUBMODULE
		}
	}
}
