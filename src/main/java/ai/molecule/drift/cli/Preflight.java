package ai.molecule.drift.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.ForgeRequirements;
import ai.molecule.drift.policy.PolicyException;
import ai.molecule.drift.policy.PolicyLoader;
import ai.molecule.drift.propose.ProposeConfiguration;
import ai.molecule.drift.propose.ProposeProperties;

/**
 * Checks the whole configuration of a scan once Spring has gathered the settings and before it creates
 * anything: the settings' values, what the forge needs, the policy, the report folder and the history
 * database. All problems are thrown at once as {@link ConfigurationProblems}, so nothing (no database
 * file, no history row, no report) is created by a run that cannot work, and in about a second.
 */
final class Preflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final String POLICY_FILE = "drift.policy-file";

	private static final String REPORT_DIR = "drift.report.dir";

	private final List<String> earlier;

	/** @param earlier problems already found in the command line and environment, told first */
	Preflight(List<String> earlier) {
		this.earlier = List.copyOf(earlier);
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		List<String> problems = problems(event.getEnvironment());
		if (!problems.isEmpty()) {
			throw new ConfigurationProblems(problems);
		}
	}

	/** After the settings are complete: Spring's own sources and the demo's. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	List<String> problems(ConfigurableEnvironment environment) {
		SettingsMetadata metadata = SettingsMetadata.read();
		Binder binder = Binder.get(environment);
		List<String> problems = new ArrayList<>(earlier);
		problems.addAll(new SettingValues(metadata).problems(environment));
		forge(binder).ifPresent((forge) -> problems.addAll(ForgeRequirements.problems(forge, publishing(binder))));
		forge(binder).flatMap((forge) -> propose(binder).flatMap((propose) -> ProposeConfiguration.problem(propose,
				forge.type())))
			.ifPresent(problems::add);
		path(binder, metadata, POLICY_FILE).ifPresent((file) -> {
			try {
				new PolicyLoader().load(file);
			}
			catch (PolicyException ex) {
				problems.addAll(ex.problems());
			}
		});
		path(binder, metadata, REPORT_DIR).flatMap((dir) -> WritableFolder.problem(dir)
			.map((why) -> REPORT_DIR + " (DRIFT_REPORT_DIR): the reports cannot be written to "
					+ dir.toAbsolutePath().normalize() + ": " + why))
			.ifPresent(problems::add);
		DatabaseProbe.problem(environment).ifPresent(problems::add);
		return problems;
	}

	/** The forge settings, or empty when one of them is wrong (already told). */
	private static Optional<DriftProperties.Forge> forge(Binder binder) {
		try {
			return Optional.of(binder.bindOrCreate("drift.forge", DriftProperties.Forge.class));
		}
		catch (BindException ex) {
			return Optional.empty();
		}
	}

	/** The proposal settings, or empty when one of them is wrong (already told). */
	private static Optional<ProposeProperties> propose(Binder binder) {
		try {
			return Optional.of(binder.bindOrCreate("drift.propose", ProposeProperties.class));
		}
		catch (BindException ex) {
			return Optional.empty();
		}
	}

	private static boolean publishing(Binder binder) {
		try {
			return !binder.bind("drift.publish.issue-repo", String.class).orElse("").isBlank();
		}
		catch (BindException ex) {
			return false;
		}
	}

	/** A path setting or its default, or empty when it is wrong (already told). */
	private static Optional<Path> path(Binder binder, SettingsMetadata metadata, String name) {
		try {
			return Optional.of(binder.bind(name, Path.class).orElseGet(() -> Path.of(metadata.defaults().get(name))));
		}
		catch (BindException ex) {
			return Optional.empty();
		}
	}
}
