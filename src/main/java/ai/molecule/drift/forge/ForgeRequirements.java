package ai.molecule.drift.forge;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import ai.molecule.drift.DriftProperties;

/**
 * What each kind of forge needs of the {@code drift.forge.*} settings: checked before a run starts, with
 * every other setting, and again when the forge is made.
 */
public final class ForgeRequirements {

	static final String LOCAL_PUBLISH = "drift.publish.issue-repo (DRIFT_PUBLISH_ISSUE_REPO) is set, but "
			+ "drift.forge.type=local has no issues to publish to; unset it or scan a Gitea or GitHub forge";

	private ForgeRequirements() {
	}

	/**
	 * Every missing or unusable forge setting, one sentence each naming the property and its variable.
	 *
	 * @param publishing whether the run publishes its report as an issue on the forge
	 */
	public static List<String> problems(DriftProperties.Forge settings, boolean publishing) {
		List<String> problems = new ArrayList<>();
		switch (settings.type()) {
			case GITEA -> {
				if (settings.baseUrl() == null) {
					problems.add("drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required for drift.forge.type=gitea: "
							+ "set it to the server root, such as https://git.example.com");
				}
			}
			case LOCAL -> {
				if (settings.root() == null || !Files.isDirectory(settings.root())) {
					problems.add("drift.forge.root (DRIFT_FORGE_ROOT) must be an existing folder with one sub-folder "
							+ "per repository for drift.forge.type=local"
							+ (settings.root() == null ? "" : "; " + settings.root() + " is not one"));
				}
				if (publishing) {
					problems.add(LOCAL_PUBLISH);
				}
			}
			case GITHUB -> {
				// No base URL means github.com.
			}
		}
		return problems;
	}
}
