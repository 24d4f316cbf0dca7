package ai.molecule.drift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds the demo's runtime repository: a real git repository whose tags are the runtime's release
 * history, {@code 0.3.0} to {@code 0.3.27}, plus the tags a scan must ignore.
 */
final class DemoRuntimeRepo {

	static final String LATEST_VERSION = "0.3.27";

	static final Instant LATEST_RELEASE = Instant.parse("2026-06-10T12:00:00Z");

	/** Its release job failed; it was tagged by hand a day after 0.3.21 shipped. */
	static final int RETAGGED_PATCH = 20;

	static final Instant RETAGGED_AT = releaseDate(RETAGGED_PATCH + 1).plus(Duration.ofDays(1));

	static final Instant RC_DATE = Instant.parse("2026-06-14T09:30:00Z");

	private static final int LATEST_PATCH = 27;

	/** Early releases were tagged by hand, without a message: lightweight tags. */
	private static final int FIRST_ANNOTATED_PATCH = 10;

	private DemoRuntimeRepo() {
	}

	/**
	 * When {@code 0.3.<patch>} was released: two or three days apart, so that 0.3.11 lands 41 days
	 * before 0.3.27, the figure of the contract's example report.
	 */
	static Instant releaseDate(int patch) {
		return LATEST_RELEASE.minus(Duration.ofDays((LATEST_PATCH - patch) * 41L / 16));
	}

	static void create(Path dir, String tagPrefix) throws IOException {
		try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
			isolateFromUserConfig(git);
			Files.writeString(dir.resolve("README.md"),
					"# molecule-ai-workspace-runtime\n\nThe shared runtime every workspace template installs.\n");
			List<RevCommit> releases = new ArrayList<>();
			for (int patch = 0; patch <= LATEST_PATCH; patch++) {
				Files.writeString(dir.resolve("pyproject.toml"), pyproject("0.3." + patch));
				releases.add(commit(git, "Release 0.3." + patch, releaseDate(patch)));
			}
			// Tags are not created in version order, and 0.3.20's is dated after 0.3.21's:
			// ordering releases by date instead of by version gives the wrong answer.
			for (int patch = LATEST_PATCH; patch >= 0; patch--) {
				if (patch != RETAGGED_PATCH) {
					tag(git, releases.get(patch), tagPrefix + "0.3." + patch, patch >= FIRST_ANNOTATED_PATCH,
							releaseDate(patch));
				}
			}
			tag(git, releases.get(RETAGGED_PATCH), tagPrefix + "0.3." + RETAGGED_PATCH, true, RETAGGED_AT);
			// The newest tag by date is a pre-release, and the highest by version has no prefix: both ignored.
			Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## 0.4.0-rc1\n\n- New tool-call protocol.\n");
			tag(git, commit(git, "Prepare 0.4.0-rc1", RC_DATE), tagPrefix + "0.4.0-rc1", true, RC_DATE);
			tag(git, releases.get(0), "v9.9.9", false, null);
		}
		catch (GitAPIException ex) {
			throw new IOException("cannot build the demo runtime repository in " + dir + ": " + ex.getMessage(), ex);
		}
	}

	// Hooks, signing and line-ending settings of the user's own git config must not change the demo.
	static void isolateFromUserConfig(Git git) throws IOException {
		StoredConfig config = git.getRepository().getConfig();
		config.setString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_HOOKS_PATH,
				git.getRepository().getDirectory().toPath().resolve("hooks").toString());
		config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF, false);
		config.setBoolean(ConfigConstants.CONFIG_COMMIT_SECTION, null, ConfigConstants.CONFIG_KEY_GPGSIGN, false);
		config.setBoolean(ConfigConstants.CONFIG_TAG_SECTION, null, ConfigConstants.CONFIG_KEY_GPGSIGN, false);
		config.save();
	}

	static RevCommit commit(Git git, String message, Instant when) throws GitAPIException {
		git.add().addFilepattern(".").call();
		PersonIdent bot = releaseBot(when);
		return git.commit().setMessage(message).setAuthor(bot).setCommitter(bot).setSign(false).setNoVerify(true).call();
	}

	private static void tag(Git git, RevCommit target, String name, boolean annotated, Instant when)
			throws GitAPIException {
		var command = git.tag().setName(name).setObjectId(target).setAnnotated(annotated);
		if (annotated) {
			command.setMessage("Release " + name).setTagger(releaseBot(when)).setSigned(false);
		}
		command.call();
	}

	private static PersonIdent releaseBot(Instant when) {
		return new PersonIdent("Molecule Release Bot", "release-bot@molecule.example", when, ZoneOffset.UTC);
	}

	private static String pyproject(String version) {
		return """
				[build-system]
				requires = ["hatchling"]
				build-backend = "hatchling.build"

				[project]
				name = "molecule-ai-workspace-runtime"
				version = "%s"
				description = "Shared runtime for Molecule AI workspace templates"
				requires-python = ">=3.11"
				""".formatted(version);
	}
}
