package ai.molecule.drift.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code history QUERY}: the queries over the persisted runs, one sub-command each. */
@Command(name = "history", description = "Query the persisted runs of one organisation (drift.org) on its forge "
		+ "(drift.forge.type).",
		footer = { "", "Every query takes --format table|csv|json (default table; csv and json print only the document)",
				"and --help. --demo reads the history that \"scan --demo\" writes. The database is",
				"spring.datasource.url (SPRING_DATASOURCE_URL), as for scan; a query never creates or changes it.",
				"Only complete runs are read (pass, fail, error); a run that crashed or was killed never is." })
final class HistoryCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	private boolean help;

	private final Terminal terminal;

	private HistoryCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	static CommandLine commandLine(Terminal terminal) {
		HistoryDatabase database = new HistoryDatabase(terminal);
		return new CommandLine(new HistoryCommand(terminal)).addSubcommand(new RepoQuery(terminal, database))
			.addSubcommand(new TrendQuery(terminal, database))
			.addSubcommand(new TimeToSyncQuery(terminal, database))
			.addSubcommand(new WorstQuery(terminal, database));
	}

	/** Without a query: the usage, on standard error since it is a mistake. */
	@Override
	public Integer call() {
		terminal.err().println("Say which query: repo NAME, trend, time-to-sync or worst.");
		spec.commandLine().usage(terminal.err());
		return 2;
	}
}
