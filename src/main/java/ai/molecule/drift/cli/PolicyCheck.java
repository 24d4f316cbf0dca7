package ai.molecule.drift.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.molecule.drift.policy.Policy;
import ai.molecule.drift.policy.PolicyException;
import ai.molecule.drift.policy.PolicyLoader;

/**
 * {@code policy check FILE}: the policy checked as a scan checks it, offline (no forge, no database), for the
 * CI of the repository that holds it. Every problem is printed as {@code file:line: message}, one a line.
 */
@Command(name = "check", description = "Check a policy file offline, as a scan would: every problem with its "
		+ "line. Exit 0 when the policy is sound, 2 when it is not.")
final class PolicyCheck implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "The policy file, such as drift-policy.yml.")
	private Path file;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	private boolean help;

	private final Terminal terminal;

	PolicyCheck(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		try {
			Policy policy = new PolicyLoader().load(file);
			terminal.out().println(file + ": a sound policy: " + policy.consumers().size() + " consumers, "
					+ policy.exemptions().size() + " exemptions.");
			return 0;
		}
		catch (PolicyException ex) {
			ex.problems().forEach(terminal.err()::println);
			return 2;
		}
	}
}
