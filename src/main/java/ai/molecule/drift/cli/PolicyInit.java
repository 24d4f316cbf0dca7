package ai.molecule.drift.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.policy.PolicyLoader;

/**
 * {@code policy init}: writes a starter policy from the organisation on the configured forge, read with the
 * same settings as a scan ({@code drift.forge.*}, {@code drift.org}, {@code drift.repo-prefix}). It never
 * overwrites a file, and writes nothing when the organisation cannot be read completely.
 */
@Command(name = "init", description = "Write a starter policy from your organisation on the configured forge: "
		+ "every template that pins the runtime becomes a consumer, the others are listed in a comment.",
		footer = { "", "The forge settings are the scan's, for example:",
				"  policy init --drift.forge.base-url=https://git.example.com --drift.org=molecule-ai" })
final class PolicyInit implements Callable<Integer> {

	@Option(names = "--output", paramLabel = "FILE",
			description = "Where to write it; default: drift.policy-file (drift-policy.yml). An existing file is never overwritten.")
	private Path output;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help.")
	private boolean help;

	private final Terminal terminal;

	PolicyInit(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		SpringApplication application = new SpringApplication(PolicyInitApplication.class);
		application.setLazyInitialization(true);
		try (ConfigurableApplicationContext context = application.run(terminal.settings().toArray(String[]::new))) {
			DriftProperties settings = context.getBean(DriftProperties.class);
			Path target = (output != null) ? output : settings.policyFile();
			if (Files.exists(target)) {
				terminal.err().println(target + " exists already and is never overwritten: move it away, or write "
						+ "elsewhere with --output FILE.");
				return 2;
			}
			String source = "organisation " + settings.org() + " on " + where(settings.forge()) + ", templates "
					+ settings.repoPrefix() + "*";
			StarterPolicy starter = StarterPolicy.read(context.getBean(Forge.class), settings.org(),
					settings.repoPrefix());
			String yaml = starter.yaml(source);
			// What is written must be what a scan accepts.
			new PolicyLoader().parse(yaml, target.toString());
			Files.writeString(target, yaml, StandardOpenOption.CREATE_NEW);
			terminal.out().println("Wrote " + target + ": " + starter.consumers().size() + " consumers; "
					+ starter.others().size() + " other templates named in a comment. Review it, then run: policy check "
					+ target);
			return 0;
		}
		catch (FileAlreadyExistsException ex) {
			terminal.err().println(ex.getFile() + " appeared while the organisation was read; it is left as it is.");
			return 2;
		}
		catch (ForgeException ex) {
			terminal.err().println("The organisation could not be read completely, so no policy was written: "
					+ ex.getMessage());
			return 2;
		}
		catch (IOException ex) {
			terminal.err().println("The policy could not be written: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			if (!StartupFailures.isConfiguration(ex)) {
				return Cli.internalError(ex, terminal.err());
			}
			terminal.err().println("consumer-drift could not start: " + StartupFailures.explain(ex));
			return 2;
		}
	}

	/** The forge, for the policy's header: never the URL's credentials, path or query. */
	private static String where(DriftProperties.Forge forge) {
		if (forge.root() != null && forge.type() == DriftProperties.ForgeType.LOCAL) {
			return "the folder " + forge.root();
		}
		if (forge.baseUrl() == null) {
			return forge.type().id();
		}
		URI url = forge.baseUrl();
		return forge.type().id() + " " + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
	}
}
