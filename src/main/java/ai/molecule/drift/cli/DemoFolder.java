package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes the demo's temporary organisation once its scan has ended: every demo run would leave one behind. */
final class DemoFolder {

	private static final Logger log = LoggerFactory.getLogger(DemoFolder.class);

	private DemoFolder() {
	}

	/** Deletes the folder and everything in it; a folder that cannot be removed is mentioned, not fatal. */
	static void delete(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("The demo's temporary folder {} could not be removed: {}", folder, ex.getMessage());
		}
	}
}
