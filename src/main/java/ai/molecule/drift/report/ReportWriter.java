package ai.molecule.drift.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;

/**
 * Writes the three reports of a run into a folder, each file replaced atomically so that a reader (or
 * a web server) never sees half a report.
 */
public final class ReportWriter {

	private final ReportRenderer renderer;

	public ReportWriter(ReportRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * Writes every report into {@code dir} (created if needed).
	 *
	 * @param history the run's history, read once by the caller; {@link RunHistory#none()} leaves it out
	 * @return the files written, in {@link ReportFormat} order: HTML, Markdown, JSON
	 */
	public List<Path> write(RunReport report, RunHistory history, Path dir) throws IOException {
		// Render everything first: a broken template must not leave a new HTML beside an old Markdown.
		Map<ReportFormat, String> rendered = new EnumMap<>(ReportFormat.class);
		for (ReportFormat format : ReportFormat.values()) {
			rendered.put(format, renderer.render(format, report, history));
		}
		Files.createDirectories(dir);
		List<Path> written = new ArrayList<>();
		for (Map.Entry<ReportFormat, String> entry : rendered.entrySet()) {
			written.add(replace(dir.resolve(entry.getKey().fileName()), entry.getValue()));
		}
		return List.copyOf(written);
	}

	private static Path replace(Path target, String content) throws IOException {
		// Same folder, so the move is a rename; CREATE_NEW keeps the umask's permissions, unlike a temp file.
		Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
		return target;
	}
}
