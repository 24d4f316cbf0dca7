package ai.molecule.drift.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether files can be written in a folder, found by writing one: permission bits do not tell (root, ACLs,
 * a read-only mount). A folder that does not exist yet is judged by the nearest one that does, where it
 * would be created; nothing is left behind.
 */
final class WritableFolder {

	private WritableFolder() {
	}

	/** Why files cannot be written in {@code folder}, or empty when they can. */
	static Optional<String> problem(Path folder) {
		Path target = folder.toAbsolutePath().normalize();
		Path existing = target;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return Optional.of("no part of the path exists");
		}
		if (!Files.isDirectory(existing)) {
			return Optional.of(existing + " is a file, not a folder");
		}
		try {
			Files.delete(Files.createTempFile(existing, ".consumer-drift-probe-", ".tmp"));
			return Optional.empty();
		}
		catch (AccessDeniedException ex) {
			return Optional.of("permission denied" + (existing.equals(target) ? "" : " in " + existing));
		}
		catch (FileSystemException ex) {
			String reason = ex.getReason() == null ? ex.getClass().getSimpleName() : ex.getReason();
			return Optional.of(reason.toLowerCase(Locale.ROOT)
					+ (existing.equals(target) ? "" : " in " + existing));
		}
		catch (IOException ex) {
			return Optional.of(String.valueOf(ex.getMessage()));
		}
	}
}
