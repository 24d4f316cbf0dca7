package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code scan} (the default), {@code history} and {@code help}. Returns the process exit code
 * so that tests can call it without exiting the JVM.
 */
public final class Cli {

	static final String USAGE = """
			Usage: java -jar consumer-drift.jar [scan] [--demo] [--name=value ...]
			       java -jar consumer-drift.jar history repo NAME|trend|time-to-sync|worst [options]

			Commands:
			  scan          scan the organisation, persist the run and write the reports (default)
			  scan --demo   scan a built-in demo organisation: no server, token or configuration needed
			  history       query the persisted runs (history --help for the queries)
			  help          show this help

			Settings are Spring properties: --drift.org=molecule-ai, or the environment (DRIFT_ORG).
			See README.md for every setting, the policy file and the exit codes:
			  0 pass, 1 fail (an error finding, e.g. an unlisted-pinned repo), 2 error (SSOT unresolved,
			  forge unreadable, invalid configuration).
			""";

	private Cli() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String... args) {
		return run(List.of(args), System.out, System.err);
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		String command = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("scan");
		List<String> rest = args.stream().filter(a -> !a.equals(command)).toList();
		if (command.equals("history")) {
			// Its queries have their own --help; their operands may be any word.
			List<String> historyArgs = new ArrayList<>(args);
			historyArgs.remove(command);
			return new HistoryCommand(out, err).run(historyArgs);
		}
		if (args.contains("--help") || args.contains("-h")) {
			out.print(USAGE);
			return 0;
		}
		return switch (command) {
			case "scan" -> new ScanCommand(out, err).run(rest);
			case "help" -> {
				out.print(USAGE);
				yield 0;
			}
			default -> {
				// The word is not echoed: it may be a secret meant as an option's value (--token VALUE).
				err.println("Unknown command: the first argument that is not an option must be scan, history or help, "
						+ "and settings are written --name=value.");
				err.print(USAGE);
				yield 2;
			}
		};
	}
}
