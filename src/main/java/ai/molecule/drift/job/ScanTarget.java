package ai.molecule.drift.job;

import ai.molecule.drift.forge.RepoRef;

/**
 * A repository the scan must account for.
 *
 * @param name the repository name
 * @param repo the forge's description; {@code null} when the org has no such repository
 * @param lookupError why looking the repository up failed; {@code null} when it did not
 */
public record ScanTarget(String name, RepoRef repo, String lookupError) {
}
