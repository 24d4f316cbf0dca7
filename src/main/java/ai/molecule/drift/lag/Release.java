package ai.molecule.drift.lag;

import java.time.Instant;

/**
 * A published release of the runtime.
 *
 * @param version the released version (never a pre-release)
 * @param tag the tag it was released from, such as {@code runtime-v0.3.27}
 * @param publishedAt publication date; {@code null} when unknown
 */
public record Release(Version version, String tag, Instant publishedAt) {
}
