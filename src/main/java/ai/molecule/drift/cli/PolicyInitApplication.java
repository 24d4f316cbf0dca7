package ai.molecule.drift.cli;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.GitHubProperties;

/**
 * The Spring application of {@code policy init}: the forge, configured by the same settings as a scan's, and
 * nothing else (no database, job or reports). Not a {@code @Configuration}, so that the scan's component scan
 * never picks it up.
 */
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@EnableConfigurationProperties({ DriftProperties.class, GitHubProperties.class })
@ComponentScan(basePackageClasses = Forge.class)
class PolicyInitApplication {
}
