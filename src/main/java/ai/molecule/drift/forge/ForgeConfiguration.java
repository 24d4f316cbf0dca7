package ai.molecule.drift.forge;

import java.nio.file.Files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import ai.molecule.drift.ConfigurationException;
import ai.molecule.drift.DriftProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the forge (and its issue tracker) from {@code drift.forge.type}. Lazy, so that a missing
 * setting surfaces inside the run (and in its reports) rather than as a start-up crash.
 */
@Configuration(proxyBeanMethods = false)
class ForgeConfiguration {

	@Bean
	@Lazy
	Forge forge(DriftProperties properties, GitHubProperties github, JsonMapper jsonMapper) {
		DriftProperties.Forge settings = properties.forge();
		return switch (settings.type()) {
			case GITEA -> {
				if (settings.baseUrl() == null) {
					throw new ConfigurationException("drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required for "
							+ "drift.forge.type=gitea: set it to the server root, such as https://git.example.com");
				}
				yield new GiteaForge(settings, jsonMapper);
			}
			case LOCAL -> {
				if (settings.root() == null || !Files.isDirectory(settings.root())) {
					throw new ConfigurationException("drift.forge.root (DRIFT_FORGE_ROOT) must be an existing folder "
							+ "with one sub-folder per repository for drift.forge.type=local"
							+ (settings.root() == null ? "" : "; " + settings.root() + " is not one"));
				}
				yield new LocalForge(settings.root());
			}
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
			case LOCAL -> throw new ConfigurationException("drift.publish.issue-repo is set, but drift.forge.type=local "
					+ "has no issues to publish to; unset DRIFT_PUBLISH_ISSUE_REPO or scan a Gitea or GitHub forge");
		};
	}
}
