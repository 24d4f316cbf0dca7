package ai.molecule.drift.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy check FILE} and {@code policy init}: help with the policy file before the first scan. */
@Command(name = "policy", description = "Check a policy file, or write a starter one from your organisation.",
		footer = { "", "drift-policy.example.yml, beside README.md, is a commented example of the format." })
final class PolicyCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	private boolean help;

	private final Terminal terminal;

	private PolicyCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	static CommandLine commandLine(Terminal terminal) {
		return new CommandLine(new PolicyCommand(terminal)).addSubcommand(new PolicyCheck(terminal))
			.addSubcommand(new PolicyInit(terminal));
	}

	/** Without a sub-command: the usage, on standard error since it is a mistake. */
	@Override
	public Integer call() {
		terminal.err().println("Say what to do: check FILE, or init.");
		spec.commandLine().usage(terminal.err());
		return 2;
	}
}
