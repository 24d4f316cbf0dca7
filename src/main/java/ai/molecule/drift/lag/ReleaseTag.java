package ai.molecule.drift.lag;

import java.time.Instant;

/**
 * A tag of the runtime repository, with what its forge release says about it.
 *
 * @param name the tag name, such as {@code runtime-v0.3.27}
 * @param date the release's publication date when it has a published release, else the tag's
 *     commit (or tagger) date; {@code null} when the forge gives neither
 * @param draft the tag's release is a draft (not released)
 * @param prerelease the tag's release is marked as a pre-release
 */
public record ReleaseTag(String name, Instant date, boolean draft, boolean prerelease) {
}
