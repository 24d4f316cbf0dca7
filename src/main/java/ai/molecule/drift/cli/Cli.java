package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The process's entry point: splits the {@code --name=value} settings from the command's own arguments,
 * checks both before anything starts, and runs the command. Returns the exit code (0 pass, 1 fail, 2 error)
 * so that tests can call it without exiting the JVM.
 */
public final class Cli {

	/** {@code --drift.org=x}, {@code --spring.datasource.url=x}: a dotted name is a Spring setting. */
	private static final Pattern SETTING = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+(=.*)?", Pattern.DOTALL);

	private static final Set<String> COMMANDS = Set.of("scan", "history", "policy", "help");

	private static final Logger log = LoggerFactory.getLogger(Cli.class);

	private Cli() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String... args) {
		return run(List.of(args), System.out, System.err, System.getenv());
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		return run(args, out, err, System.getenv());
	}

	static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
		List<String> settings = new ArrayList<>();
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			(SETTING.matcher(arg).matches() ? settings : words).add(arg);
		}
		// The metadata is read only when there is something to check: help stays instant.
		boolean anySetting = !settings.isEmpty() || environment.keySet().stream().anyMatch((v) -> v.startsWith("DRIFT_"));
		List<String> problems = anySetting
				? new SettingsCheck(SettingNames.fromMetadata()).problems(settings, environment) : List.of();
		if (words.isEmpty() || (!COMMANDS.contains(words.get(0)) && words.get(0).startsWith("-")
				&& !words.get(0).equals("-h") && !words.get(0).equals("--help"))) {
			words.add(0, "scan");
		}
		// A scan tells these with every other configuration problem it finds before it starts.
		if (!problems.isEmpty() && !words.get(0).equals("scan")) {
			problems.forEach(err::println);
			err.println("Run with help for the commands; README.md lists every setting.");
			return 2;
		}
		CommandLine commandLine = commandLine(new Terminal(out, err, List.copyOf(settings), environment, problems));
		return commandLine.execute(words.toArray(String[]::new));
	}

	static CommandLine commandLine(Terminal terminal) {
		CommandLine commandLine = new CommandLine(new ConsumerDriftCommand(terminal));
		commandLine.addSubcommand(new ScanCommand(terminal));
		commandLine.addSubcommand(HistoryCommand.commandLine(terminal));
		commandLine.addSubcommand(PolicyCommand.commandLine(terminal));
		commandLine.addSubcommand(new CommandLine.HelpCommand());
		commandLine.setOut(new PrintWriter(terminal.out(), true));
		commandLine.setErr(new PrintWriter(terminal.err(), true));
		commandLine.setUsageHelpWidth(100);
		commandLine.setParameterExceptionHandler(Cli::mistake);
		commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> internalError(ex, terminal.err()));
		return commandLine;
	}

	/** A mistake on the command line: said in one sentence, then the command's usage, exit 2. */
	private static int mistake(ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		PrintWriter err = command.getErr();
		if (ex instanceof UnmatchedArgumentException unmatched) {
			err.println(unmatched(unmatched));
		}
		else {
			// A converter's own sentence already names the option and the allowed values.
			err.println((ex.getCause() instanceof TypeConversionException conversion) ? conversion.getMessage()
					: ex.getMessage());
		}
		err.print(command.getHelp().fullSynopsis());
		err.println("Run " + command.getCommandSpec().qualifiedName() + " --help for more.");
		return 2;
	}

	/**
	 * Names an unknown option but never echoes a word that is not one: it may be a secret meant as an option's
	 * value ({@code --token VALUE}).
	 */
	private static String unmatched(UnmatchedArgumentException ex) {
		List<String> options = ex.getUnmatched().stream().filter((a) -> a.startsWith("-"))
			.map((a) -> a.split("=", 2)[0])
			.toList();
		if (options.isEmpty()) {
			String where = ex.getCommandLine().getCommandSpec().qualifiedName().replace(ConsumerDriftCommand.NAME, "")
				.trim();
			return (where.isEmpty() ? "Unknown command" : "Unexpected word after " + where)
					+ " (not shown: it may be a secret); settings are written --name=value.";
		}
		List<String> known = ex.getCommandLine().getCommandSpec().options().stream()
			.flatMap((o) -> Arrays.stream(o.names()))
			.filter((n) -> n.startsWith("--"))
			.toList();
		List<String> suggestions = options.stream().flatMap((o) -> known.stream()
			.filter((k) -> SettingNames.distance(o, k) <= 2)).distinct().toList();
		return "Unknown option " + String.join(", ", options)
				+ (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?")
				+ ". Settings are written --name=value.";
	}

	/** A defect, not a mistake of the user's: one sentence, the stack trace at DEBUG only. */
	static int internalError(Exception ex, PrintStream err) {
		err.println("consumer-drift stopped on an internal error (" + ex.getClass().getSimpleName() + ": "
				+ ex.getMessage() + "). Please report it; --logging.level.ai.molecule.drift=DEBUG logs the stack trace.");
		log.debug("Internal error", ex);
		return 2;
	}
}
