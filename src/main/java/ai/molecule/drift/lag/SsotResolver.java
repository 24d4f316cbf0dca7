package ai.molecule.drift.lag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Turns the runtime repo's tags (and, failing those, its {@code pyproject.toml}) into a
 * {@link ReleaseLine}. Only {@code <prefix>X.Y.Z} tags whose release is neither a draft nor a
 * pre-release count; versions are compared as versions, never by date.
 */
public final class SsotResolver {

	private static final Pattern PROJECT_TABLE = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*(?:#.*)?$");

	private static final Pattern VERSION_KEY = Pattern
		.compile("^\\s*version\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*(?:#.*)?$");

	private SsotResolver() {
	}

	/** The released versions among {@code tags}; empty when none qualifies. */
	public static List<Release> releases(List<ReleaseTag> tags, String tagPrefix) {
		List<Release> releases = new ArrayList<>();
		for (ReleaseTag tag : tags) {
			if (tag.draft() || tag.prerelease() || !tag.name().startsWith(tagPrefix)) {
				continue;
			}
			String text = tag.name().substring(tagPrefix.length());
			// The tag must be exactly prefix + X.Y.Z: no second "v", no pre-release suffix.
			if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
				Version.parse(text)
					.filter(v -> !v.isPreRelease() && !text.contains("+"))
					.ifPresent(v -> releases.add(new Release(v, tag.name(), tag.date())));
			}
		}
		return releases;
	}

	/** The {@code version} of the {@code [project]} table of a {@code pyproject.toml}, if any. */
	public static Optional<String> projectVersion(String pyproject) {
		boolean inProject = false;
		for (String line : pyproject.split("\\R")) {
			Matcher table = PROJECT_TABLE.matcher(line);
			if (table.matches()) {
				inProject = table.group(1).strip().equals("project");
				continue;
			}
			if (inProject) {
				Matcher version = VERSION_KEY.matcher(line);
				if (version.matches()) {
					return Optional.of(version.group(1) != null ? version.group(1) : version.group(2));
				}
			}
		}
		return Optional.empty();
	}
}
