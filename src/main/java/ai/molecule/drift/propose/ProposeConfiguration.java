package ai.molecule.drift.propose;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.DriftProperties;

/** Settles at start-up how bumps are proposed, refusing what it cannot do before any request. */
@Configuration(proxyBeanMethods = false)
public class ProposeConfiguration {

	@Bean
	ProposeSetup proposeSetup(ProposeProperties settings, DriftProperties properties) {
		if (settings.enabled() && !settings.dryRun() && properties.forge().type() == DriftProperties.ForgeType.GITHUB) {
			throw new ConfigurationException("drift.propose.enabled (DRIFT_PROPOSE_ENABLED) writes bump proposals on "
					+ "the local forge and on Gitea only in this version, not on "
					+ properties.forge().type().name().toLowerCase(Locale.ROOT)
					+ "; set drift.propose.dry-run=true (DRIFT_PROPOSE_DRY_RUN) to see the bumps it would propose");
		}
		return new ProposeSetup(settings.enabled(), settings.dryRun());
	}
}
