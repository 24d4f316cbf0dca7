package ai.molecule.drift.job;

import java.util.List;
import java.util.Optional;

import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.SsotResolver;
import ai.molecule.drift.lag.Version;

/**
 * Finds the SSOT on the forge: the release tags first, the fallback file only when there is no
 * release tag at all. A forge failure leaves the SSOT unresolved; it is never guessed from the
 * fallback file, which lags behind the releases.
 */
final class SsotLookup {

	private final Forge forge;

	SsotLookup(Forge forge) {
		this.forge = forge;
	}

	ReleaseLine resolve(String org, String repo, String tagPrefix, String fallbackFile) {
		List<Release> releases;
		try {
			releases = SsotResolver.releases(forge.listReleaseTags(org, repo), tagPrefix);
		}
		catch (ForgeException ex) {
			return ReleaseLine.unresolved("the release tags of " + org + "/" + repo + " could not be read: "
					+ ex.getMessage());
		}
		if (!releases.isEmpty()) {
			return ReleaseLine.ofReleases(releases);
		}
		Optional<String> content;
		try {
			content = forge.readFile(org, repo, fallbackFile);
		}
		catch (ForgeException ex) {
			return ReleaseLine.unresolved("no " + tagPrefix + "X.Y.Z release tag in " + org + "/" + repo + ", and "
					+ fallbackFile + " could not be read: " + ex.getMessage());
		}
		if (content.isEmpty()) {
			return ReleaseLine.unresolved("no " + tagPrefix + "X.Y.Z release tag in " + org + "/" + repo
					+ ", and no " + fallbackFile + " to fall back to");
		}
		Optional<String> declared = SsotResolver.projectVersion(content.get());
		Optional<Version> version = declared.flatMap(Version::parse).filter(v -> !v.isPreRelease());
		if (version.isEmpty()) {
			return ReleaseLine.unresolved("no " + tagPrefix + "X.Y.Z release tag in " + org + "/" + repo + ", and "
					+ fallbackFile + (declared.isEmpty() ? " has no [project] version"
							: " declares a version that is not a release: \"" + declared.get() + "\""));
		}
		return ReleaseLine.ofFallback(version.get(),
				"no " + tagPrefix + "X.Y.Z release tag; using " + fallbackFile + " [project] version");
	}
}
