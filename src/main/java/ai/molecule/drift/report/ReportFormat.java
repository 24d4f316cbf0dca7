package ai.molecule.drift.report;

/** The three reports of a run, each with the file it is written to. */
public enum ReportFormat {
	/** One self-contained page, rendered from {@code drift-report.html.ftlh}. */
	HTML("drift-report.html"),
	/** A forge issue body, rendered from {@code drift-report.md.ftl}. */
	MARKDOWN("drift-report.md"),
	/** The machine-readable contract, written with Jackson. */
	JSON("drift-report.json");

	private final String fileName;

	ReportFormat(String fileName) {
		this.fileName = fileName;
	}

	public String fileName() {
		return fileName;
	}
}
