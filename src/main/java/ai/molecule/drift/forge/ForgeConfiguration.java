package ai.molecule.drift.forge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.DriftProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the forge (and its issue tracker) from {@code drift.forge.type}. The scan command checks the
 * same {@link ForgeRequirements} before anything starts; lazy, so that a context started without that
 * check (a test's) still starts, and meets a missing setting inside the run.
 */
@Configuration(proxyBeanMethods = false)
class ForgeConfiguration {

	@Bean
	@Lazy
	Forge forge(DriftProperties properties, GitHubProperties github, JsonMapper jsonMapper) {
		DriftProperties.Forge settings = properties.forge();
		ForgeRequirements.problems(settings, false).stream().findFirst().ifPresent((problem) -> {
			throw new ConfigurationException(problem);
		});
		return switch (settings.type()) {
			case GITEA -> new GiteaForge(settings, jsonMapper);
			case LOCAL -> new LocalForge(settings.root());
			// No base URL means github.com; a GitHub Enterprise Server root gets its /api/v3.
			case GITHUB -> new GitHubForge(settings, github, jsonMapper);
		};
	}

	/** Where reports are published; on the forge that is scanned, with the same token. */
	@Bean
	@Lazy
	IssueTracker issueTracker(DriftProperties properties, GitHubProperties github, JsonMapper jsonMapper) {
		DriftProperties.Forge settings = properties.forge();
		return switch (settings.type()) {
			case GITEA -> {
				if (settings.baseUrl() == null) {
					throw new ConfigurationException("drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required to "
							+ "publish to a Gitea issue");
				}
				yield new GiteaIssueTracker(settings, jsonMapper);
			}
			case GITHUB -> new GitHubIssueTracker(settings, github, jsonMapper);
			case LOCAL -> throw new ConfigurationException(ForgeRequirements.LOCAL_PUBLISH);
		};
	}
}
