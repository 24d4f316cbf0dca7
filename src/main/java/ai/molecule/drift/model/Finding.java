package ai.molecule.drift.model;

/**
 * Something worth telling about a repository.
 *
 * @param code what kind of finding
 * @param severity {@code error} fails the run (unless the repo is archived)
 * @param message one sentence for a human
 */
public record Finding(FindingCode code, Severity severity, String message) {
}
