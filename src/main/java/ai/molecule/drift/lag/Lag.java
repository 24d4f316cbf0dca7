package ai.molecule.drift.lag;

/**
 * How far a pin is behind the SSOT.
 *
 * @param releases published releases newer than the pin, up to and including the SSOT
 * @param days days between the pinned release's and the SSOT's publication; {@code null} when the
 *     pin is no known release or a date is unknown
 * @param level most significant semver part that differs
 */
public record Lag(int releases, Long days, LagLevel level) {
}
