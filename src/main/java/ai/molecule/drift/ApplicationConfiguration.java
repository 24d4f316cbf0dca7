package ai.molecule.drift;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.molecule.drift.policy.PolicyLoader;

/** Application-wide beans that belong to no single feature. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

	/** UTC: "today" for exemption expiry and every persisted instant. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PolicyLoader policyLoader() {
		return new PolicyLoader();
	}
}
