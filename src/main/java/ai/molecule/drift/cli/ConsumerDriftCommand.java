package ai.molecule.drift.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command line: {@code scan} (the default), {@code history}, {@code policy} and {@code help}. */
@Command(name = ConsumerDriftCommand.NAME, description = "Scans an organisation's runtime consumers: classification, pin lag, history and reports.",
		footer = { "", "Settings are Spring properties: --drift.org=molecule-ai, or the environment (DRIFT_ORG);",
				"a misspelled drift.* setting is an error. See README.md for every setting, the policy file and",
				"the exit codes: 0 pass, 1 fail (an error finding, e.g. an unlisted-pinned repo), 2 error (SSOT",
				"unresolved, forge unreadable, invalid configuration)." })
final class ConsumerDriftCommand implements Callable<Integer> {

	static final String NAME = "java -jar consumer-drift.jar";

	@Spec
	private CommandSpec spec;

	private final Terminal terminal;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	private boolean help;

	ConsumerDriftCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		spec.commandLine().usage(terminal.out());
		return 0;
	}
}
