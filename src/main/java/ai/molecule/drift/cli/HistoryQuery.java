package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Option;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.history.HistoryFormat;
import ai.molecule.drift.history.HistoryOutput;
import ai.molecule.drift.history.HistoryQueries;
import ai.molecule.drift.history.HistoryScope;

/**
 * What every history query shares: {@code --format}, {@code --demo}, {@code --help}, opening the history
 * read-only, and printing the document on standard output (messages go to standard error).
 */
abstract class HistoryQuery implements Callable<Integer> {

	@Option(names = "--format", paramLabel = "table|csv|json", converter = HistoryOptionTypes.FormatConverter.class,
			description = "table (aligned for a terminal, the default), csv or json")
	HistoryFormat format = HistoryFormat.TABLE;

	@Option(names = "--demo", description = "Read the history of \"scan --demo\".")
	boolean demo;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	boolean help;

	private final Terminal terminal;

	private final HistoryDatabase database;

	HistoryQuery(Terminal terminal, HistoryDatabase database) {
		this.terminal = terminal;
		this.database = database;
	}

	/** The query's document; a note on standard error says why it is empty when that could be a typo. */
	abstract String document(HistoryQueries queries, HistoryScope scope, HistoryOutput output, PrintStream notes);

	@Override
	public Integer call() {
		PrintStream err = terminal.err();
		try (ConfigurableApplicationContext context = database.open(demo)) {
			HistoryScope scope = HistoryScope.of(context.getBean(DriftProperties.class));
			String document = document(context.getBean(HistoryQueries.class), scope, new HistoryOutput(format), err);
			terminal.out().print(document);
			return 0;
		}
		catch (HistoryDatabase.Missing ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (DataAccessException ex) {
			err.println("The history could not be read: " + StartupFailures.explain(ex));
			return 2;
		}
		catch (RuntimeException ex) {
			if (!StartupFailures.isConfiguration(ex)) {
				return Cli.internalError(ex, err);
			}
			err.println("consumer-drift could not start: " + StartupFailures.explain(ex));
			return 2;
		}
	}
}
