package ai.molecule.drift.forge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * The disk side of {@link LocalForge}: turns untrusted repository names and file paths into paths
 * under the root, refusing anything that would read outside it.
 */
final class LocalPaths {

	/** The largest file read: anything bigger would be cut, and a cut file is unknown, never its prefix. */
	static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	/** Entries of a repository folder that are bookkeeping, not repository content. */
	private static final Set<String> NOT_CONTENT = Set.of(".git", LocalForge.ARCHIVED_MARKER);

	private final Path root;

	LocalPaths(Path root) {
		this.root = root;
	}

	Path root() {
		return root;
	}

	Path realRoot() {
		try {
			return root.toRealPath();
		}
		catch (IOException ex) {
			throw new ForgeException("local forge root " + root + " cannot be read: " + ex, ex);
		}
	}

	/** Refuses a repository name or top-level file name that is not a single plain path segment. */
	static void checkName(String name) {
		checkPath(name);
		if (name.contains("/")) {
			throw new ForgeException("refused name '" + printable(name) + "': it must be a single path segment");
		}
	}

	/** Refuses a relative path that could leave the folder it is resolved against. */
	static void checkPath(String path) {
		if (path == null || path.isEmpty() || path.indexOf('\0') >= 0 || path.contains("\\") || path.contains("..")
				|| path.startsWith("/") || path.endsWith("/") || path.contains("//") || Path.of(path).isAbsolute()) {
			throw new ForgeException("refused path '" + printable(path) + "': only plain relative paths are read");
		}
	}

	/**
	 * The real path of the repository folder {@code name}; empty when there is no such folder or the
	 * name is hidden (a dot-folder is no repository).
	 */
	Optional<Path> repoDir(String name) {
		checkName(name);
		if (name.startsWith(".")) {
			return Optional.empty();
		}
		Path dir = realRoot().resolve(name);
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try {
			return Optional.of(requireInside(dir.toRealPath(), name, null));
		}
		catch (IOException ex) {
			throw new ForgeException("local repository " + name + " cannot be read: " + ex, ex);
		}
	}

	/** The content of {@code path} in the repository folder, or empty when no such file exists. */
	Optional<String> read(Path repoDir, String repo, String path) {
		return Optional.ofNullable(readPath(repoDir, repo, path).text());
	}

	/** What is on disk at {@code path}: a file's text, a directory, or nothing. */
	PathRead readPath(Path repoDir, String repo, String path) {
		Path file = repoDir.resolve(path);
		// A forge serves neither git's own files nor our archive marker.
		if (NOT_CONTENT.contains(path.split("/", 2)[0]) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return PathRead.absent("nothing on disk");
		}
		try {
			Path real = requireInRepo(repoDir, requireInside(realPath(file, repo, path), repo, path), repo, path);
			if (!Files.isRegularFile(real)) {
				return Files.isDirectory(real) ? PathRead.directory("a directory") : PathRead.absent("no regular file");
			}
			try (InputStream in = Files.newInputStream(real)) {
				return PathRead.file(new String(readCapped(in, repo, path), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new ForgeException("cannot read " + path + " of local repository " + repo + ": " + ex, ex);
		}
	}

	/**
	 * The bytes at {@code path} in the repository folder, links not followed: a link anywhere on the way
	 * (the file or a folder above it) is no file, since it would mean bytes from elsewhere.
	 */
	FileBytes blob(Path repoDir, String repo, String path) {
		checkPath(path);
		if (NOT_CONTENT.contains(path.split("/", 2)[0])) {
			return FileBytes.absent("nothing on disk");
		}
		Path file = repoDir;
		for (String segment : path.split("/")) {
			file = file.resolve(segment);
			if (Files.isSymbolicLink(file)) {
				return FileBytes.notAFile("a symbolic link");
			}
			if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
				return FileBytes.absent("nothing on disk");
			}
		}
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return FileBytes.notAFile(Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "a directory" : "no regular file");
		}
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			return FileBytes.file(readCapped(in, repo, path));
		}
		catch (IOException ex) {
			throw new ForgeException("cannot read " + path + " of local repository " + repo + ": " + ex, ex);
		}
	}

	/** A file's bytes up to {@link #MAX_FILE_BYTES}; a bigger file would be cut, so it is unknown. */
	private static byte[] readCapped(InputStream in, String repo, String path) throws IOException {
		// One byte more than the cap tells a file at the cap from a bigger one, without reading it all.
		byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
		if (bytes.length > MAX_FILE_BYTES) {
			throw new ForgeException(path + " of local repository " + repo + " is larger than "
					+ (MAX_FILE_BYTES >> 20) + " MiB: reading it would cut it short, so its content is unknown");
		}
		return bytes;
	}

	/** The entries at the root of the repository folder, by name, without git's and our bookkeeping. */
	List<TreeEntry> topLevel(Path repoDir, String repo) {
		try (Stream<Path> entries = Files.list(repoDir)) {
			return entries.filter(p -> !NOT_CONTENT.contains(p.getFileName().toString()))
				.map(LocalPaths::entry)
				.sorted(Comparator.comparing(TreeEntry::name))
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ForgeException("cannot list local repository " + repo + ": " + ex, ex);
		}
	}

	private static TreeEntry entry(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			TreeEntry.Type type = attributes.isSymbolicLink() ? TreeEntry.Type.SYMLINK
					: attributes.isDirectory() ? TreeEntry.Type.DIR : TreeEntry.Type.FILE;
			return new TreeEntry(path.getFileName().toString(), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Links may point anywhere inside the org folder, never out of it: the root is the trust boundary.
	private Path requireInside(Path real, String repo, String path) {
		Path realRoot = realRoot();
		if (!real.startsWith(realRoot) || real.equals(realRoot)) {
			throw new ForgeException("refused " + (path == null ? "" : path + " of ") + "local repository " + repo
					+ ": it is a link that leads outside " + root);
		}
		return real;
	}

	// A dangling or looping link fails here: the link is there but what it means is unknown.
	private static Path realPath(Path file, String repo, String path) throws IOException {
		try {
			return file.toRealPath();
		}
		catch (FileSystemException ex) {
			if (!Files.isSymbolicLink(file)) {
				throw ex;
			}
			throw new ForgeException(path + " of local repository " + repo + " is a symbolic link that leads to "
					+ "nothing (or loops), so its content is unknown", ex);
		}
	}

	// A link means what it leads to in its own repository, as on GitHub and Gitea (see RepoLinks): one into
	// another repository folder, or into git's own files, is unknown there, so it is unknown here too.
	private static Path requireInRepo(Path repoDir, Path real, String repo, String path) {
		if (!real.startsWith(repoDir) || (!real.equals(repoDir)
				&& NOT_CONTENT.contains(repoDir.relativize(real).getName(0).toString()))) {
			throw new ForgeException(path + " of local repository " + repo + " is a link that leads out of the "
					+ "repository, so its content is unknown");
		}
		return real;
	}

	// Names come from configuration and policy files: keep control characters out of messages.
	private static String printable(String text) {
		return text == null ? "null" : text.replaceAll("\\p{Cntrl}", "?");
	}
}
