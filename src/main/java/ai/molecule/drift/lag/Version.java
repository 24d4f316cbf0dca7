package ai.molecule.drift.lag;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, ordered by SemVer 2.0
 * precedence (build metadata ignored). Parsing is lenient only where pin files are: surrounding
 * whitespace, a UTF-8 byte-order mark and a leading {@code v} are accepted.
 */
public record Version(int major, int minor, int patch, String preRelease) implements Comparable<Version> {

	private static final Pattern SEMVER = Pattern.compile(
			"[vV]?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
					+ "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

	private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
		.thenComparingInt(Version::minor)
		.thenComparingInt(Version::patch)
		.thenComparing(Version::preRelease, Version::comparePreRelease);

	public Version {
		preRelease = preRelease == null ? "" : preRelease;
	}

	public static Version of(int major, int minor, int patch) {
		return new Version(major, minor, patch, "");
	}

	/** Parses a version, or returns empty when the text is not one. */
	public static Optional<Version> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.replace("\uFEFF", "").strip();
		Matcher m = SEMVER.matcher(trimmed);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3)), m.group(4)));
	}

	public boolean isPreRelease() {
		return !preRelease.isEmpty();
	}

	/** The most significant part that differs from {@code other}. */
	public LagLevel levelOfDifference(Version other) {
		if (major != other.major) {
			return LagLevel.MAJOR;
		}
		if (minor != other.minor) {
			return LagLevel.MINOR;
		}
		if (patch != other.patch || !preRelease.equals(other.preRelease)) {
			return LagLevel.PATCH;
		}
		return LagLevel.NONE;
	}

	@Override
	public int compareTo(Version other) {
		return ORDER.compare(this, other);
	}

	public boolean isNewerThan(Version other) {
		return compareTo(other) > 0;
	}

	@Override
	public String toString() {
		return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
	}

	// SemVer 2.0 §11: a release outranks its pre-releases; identifiers compare numerically when
	// both are numeric, numeric ones rank lower, and a longer list wins a tie.
	private static int comparePreRelease(String a, String b) {
		if (a.equals(b)) {
			return 0;
		}
		if (a.isEmpty()) {
			return 1;
		}
		if (b.isEmpty()) {
			return -1;
		}
		String[] left = a.split("\\.");
		String[] right = b.split("\\.");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int c = compareIdentifier(left[i], right[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(left.length, right.length);
	}

	private static int compareIdentifier(String a, String b) {
		boolean numericA = a.chars().allMatch(Character::isDigit);
		boolean numericB = b.chars().allMatch(Character::isDigit);
		if (numericA && numericB) {
			return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
		}
		if (numericA != numericB) {
			return numericA ? -1 : 1;
		}
		return a.compareTo(b);
	}
}
