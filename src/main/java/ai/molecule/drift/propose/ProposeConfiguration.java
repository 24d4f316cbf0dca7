package ai.molecule.drift.propose;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.DriftProperties;

/** Settles at start-up how bumps are proposed, refusing what it cannot do before any request. */
@Configuration(proxyBeanMethods = false)
public class ProposeConfiguration {

	@Bean
	ProposeSetup proposeSetup(ProposeProperties settings, DriftProperties properties) {
		problem(settings, properties.forge().type()).ifPresent((problem) -> {
			throw new ConfigurationException(problem);
		});
		return new ProposeSetup(settings.enabled(), settings.dryRun());
	}

	/** What is wrong with these settings on this forge, if anything; the start-up check asks it too. */
	public static Optional<String> problem(ProposeProperties settings, DriftProperties.ForgeType forge) {
		if (settings.enabled() && !settings.dryRun() && forge != DriftProperties.ForgeType.LOCAL) {
			return Optional.of("drift.propose.enabled (DRIFT_PROPOSE_ENABLED) writes bump proposals on the local forge "
					+ "only in this version, not on " + forge.name().toLowerCase(Locale.ROOT)
					+ "; set drift.propose.dry-run=true (DRIFT_PROPOSE_DRY_RUN) to see the bumps it would propose");
		}
		return Optional.empty();
	}
}
