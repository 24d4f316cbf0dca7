package ai.molecule.drift.propose;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settles at start-up how bumps are proposed. Every forge can take them (the local one as branches, Gitea
 * and GitHub as pull requests), so the settings alone decide.
 */
@Configuration(proxyBeanMethods = false)
public class ProposeConfiguration {

	@Bean
	ProposeSetup proposeSetup(ProposeProperties settings) {
		return new ProposeSetup(settings.enabled(), settings.dryRun());
	}
}
