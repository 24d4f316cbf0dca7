package ai.molecule.drift.forge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * Holds a forge to what its own root listing said. A path listed as a file must read as a file, one
 * listed as a directory must read as a directory, and a path not listed must read as nothing. Any
 * other answer is a contradiction: the forge lied once, so neither answer can be trusted, and the
 * repository's state is unknown (a {@link ForgeException}) rather than quietly "no pin".
 */
final class ListedPaths {

	private final Map<String, TreeEntry.Type> listed;

	private ListedPaths(Map<String, TreeEntry.Type> listed) {
		this.listed = listed;
	}

	/** The listing's entries by name; a name listed twice with two types is already a contradiction. */
	static ListedPaths of(List<TreeEntry> topLevel) {
		Map<String, TreeEntry.Type> listed = new HashMap<>();
		for (TreeEntry entry : topLevel) {
			TreeEntry.Type before = listed.putIfAbsent(entry.name(), entry.type());
			if (before != null && before != entry.type()) {
				throw new ForgeException(entry.name() + " is listed twice, as " + describe(before) + " and as "
						+ describe(entry.type()));
			}
		}
		return new ListedPaths(listed);
	}

	/** Those of {@code paths} that the listing names as files or links, sorted: the ones to read. */
	List<String> files(Set<String> paths) {
		return paths.stream().filter((path) -> isFile(listed.get(path))).sorted().toList();
	}

	/** Those of {@code paths} that the listing names as directories or submodules, sorted: the ones to check. */
	List<String> directories(Set<String> paths) {
		return paths.stream().filter((path) -> isDirectory(listed.get(path))).sorted().toList();
	}

	/**
	 * The text the read found, once it agrees with the listing; empty for a directory, a link to one,
	 * or a path that is neither listed nor found.
	 *
	 * @throws ForgeException when the read contradicts the listing
	 */
	Optional<String> confirm(String path, PathRead read) {
		TreeEntry.Type type = listed.get(path);
		boolean agrees = switch (read.kind()) {
			case FILE -> isFile(type);
			// A link may lead to a directory: the link is listed, the read follows it.
			case DIRECTORY -> isDirectory(type) || type == TreeEntry.Type.SYMLINK;
			case ABSENT -> type == null;
		};
		if (!agrees) {
			throw new ForgeException(path + ((type == null) ? " is not in the root listing" : " is listed as " + describe(type))
					+ " but reading it answered " + read.answer());
		}
		return Optional.ofNullable(read.text());
	}

	/** A read that stopped before the end of the file: its start is not the file, so it is unknown. */
	static ForgeException cutShort(String path, long declared, long received) {
		return new ForgeException(path + " was cut short: the forge says it has " + declared + " bytes but answered "
				+ received + ", so its content is unknown");
	}

	private static boolean isFile(TreeEntry.Type type) {
		return type == TreeEntry.Type.FILE || type == TreeEntry.Type.SYMLINK;
	}

	private static boolean isDirectory(TreeEntry.Type type) {
		return type == TreeEntry.Type.DIR || type == TreeEntry.Type.SUBMODULE;
	}

	private static String describe(TreeEntry.Type type) {
		return switch (type) {
			case FILE -> "a file";
			case DIR -> "a directory";
			case SYMLINK -> "a symbolic link";
			case SUBMODULE -> "a submodule";
		};
	}
}
