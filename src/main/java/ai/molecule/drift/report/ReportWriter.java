package ai.molecule.drift.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;

/**
 * Writes the three reports of a run into a folder in two stages: {@link #stage} renders them into
 * temporary files beside their targets, and {@link Staged#publish()} moves them into place, each
 * atomically. A caller that records the run's outcome stages, commits the outcome, and only then
 * publishes: reports never claim an outcome the history does not hold, and a failure before the
 * commit leaves the previous reports as they were.
 */
public final class ReportWriter {

	private final ReportRenderer renderer;

	public ReportWriter(ReportRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * Writes every report into {@code dir} (created if needed), staging and publishing at once.
	 *
	 * @param history the run's history, read once by the caller; {@link RunHistory#none()} leaves it out
	 * @return the files written, in {@link ReportFormat} order: HTML, Markdown, JSON
	 */
	public List<Path> write(RunReport report, RunHistory history, Path dir) throws IOException {
		return stage(report, history, dir).publish();
	}

	/**
	 * Renders every report into a temporary file in {@code dir}; nothing visible changes yet. Throws,
	 * leaving no temporary file, when a template fails, a file cannot be written or a target is not a
	 * file that can be replaced.
	 */
	public Staged stage(RunReport report, RunHistory history, Path dir) throws IOException {
		// Render everything first: a broken template must not leave a new HTML beside an old Markdown.
		Map<Path, String> rendered = new LinkedHashMap<>();
		for (ReportFormat format : ReportFormat.values()) {
			rendered.put(dir.resolve(format.fileName()), renderer.render(format, report, history));
		}
		Files.createDirectories(dir);
		removeLeftovers(dir);
		Map<Path, Path> staged = new LinkedHashMap<>();
		try {
			for (Map.Entry<Path, String> entry : rendered.entrySet()) {
				Path target = entry.getKey();
				if (Files.exists(target) && !Files.isRegularFile(target)) {
					throw new IOException(target + " is not a file and cannot be replaced");
				}
				staged.put(target, temporary(target, entry.getValue()));
			}
		}
		catch (IOException | RuntimeException ex) {
			new Staged(staged).discard();
			throw ex;
		}
		return new Staged(staged);
	}

	/** Temporary files of a run killed between staging and publishing. */
	private static void removeLeftovers(Path dir) throws IOException {
		for (ReportFormat format : ReportFormat.values()) {
			try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + format.fileName() + ".*.tmp")) {
				for (Path file : stale) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private static Path temporary(Path target, String content) throws IOException {
		// Same folder, so the move is a rename; CREATE_NEW keeps the umask's permissions, unlike a temp file.
		Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		return temp;
	}

	/** Reports rendered into temporary files, by target; published or discarded exactly once. */
	public static final class Staged {

		private final Map<Path, Path> files;

		private Staged(Map<Path, Path> files) {
			this.files = files;
		}

		/** Moves every report into place, each atomically; returns the targets. */
		public List<Path> publish() throws IOException {
			List<Path> written = new ArrayList<>();
			try {
				for (Map.Entry<Path, Path> entry : files.entrySet()) {
					try {
						Files.move(entry.getValue(), entry.getKey(), StandardCopyOption.ATOMIC_MOVE,
								StandardCopyOption.REPLACE_EXISTING);
					}
					catch (AtomicMoveNotSupportedException ex) {
						Files.move(entry.getValue(), entry.getKey(), StandardCopyOption.REPLACE_EXISTING);
					}
					written.add(entry.getKey());
				}
			}
			finally {
				discard();
			}
			return List.copyOf(written);
		}

		/** Deletes whatever was not published; the previous reports stay as they were. */
		public void discard() {
			for (Path temp : files.values()) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					// Removed by the next run's staging at the latest.
				}
			}
		}
	}
}
