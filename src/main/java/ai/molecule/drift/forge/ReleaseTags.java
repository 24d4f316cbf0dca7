package ai.molecule.drift.forge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.molecule.drift.lag.ReleaseTag;

/** Merges a forge's tag list and release list into one {@link ReleaseTag} per tag name. */
final class ReleaseTags {

	private ReleaseTags() {
	}

	/**
	 * A tag as listed.
	 *
	 * @param name the tag name
	 * @param date its commit (or tagger) date, {@code null} when unknown
	 */
	record TagInfo(String name, Instant date) {
	}

	/**
	 * A release as listed.
	 *
	 * @param tagName the tag it publishes (which may not exist yet for a draft)
	 * @param draft not released
	 * @param prerelease marked as a pre-release
	 * @param publishedAt its publication date, {@code null} when unknown
	 */
	record ReleaseInfo(String tagName, boolean draft, boolean prerelease, Instant publishedAt) {
	}

	/**
	 * Tags in their listed order, then releases whose tag was not listed. Flags come from the tag's
	 * release; the date is the publication date of a non-draft release, else the tag's date.
	 */
	static List<ReleaseTag> merge(List<TagInfo> tags, List<ReleaseInfo> releases) {
		Map<String, ReleaseInfo> releaseByTag = new LinkedHashMap<>();
		for (ReleaseInfo release : releases) {
			if (release.tagName() != null && !release.tagName().isEmpty()) {
				releaseByTag.putIfAbsent(release.tagName(), release);
			}
		}
		List<ReleaseTag> merged = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (TagInfo tag : tags) {
			if (tag.name() == null || !seen.add(tag.name())) {
				continue;
			}
			ReleaseInfo release = releaseByTag.get(tag.name());
			if (release == null) {
				merged.add(new ReleaseTag(tag.name(), tag.date(), false, false));
			}
			else {
				Instant published = publishedDate(release);
				merged.add(new ReleaseTag(tag.name(), (published != null) ? published : tag.date(), release.draft(),
						release.prerelease()));
			}
		}
		for (ReleaseInfo release : releaseByTag.values()) {
			if (seen.add(release.tagName())) {
				merged.add(new ReleaseTag(release.tagName(), publishedDate(release), release.draft(),
						release.prerelease()));
			}
		}
		return merged;
	}

	private static Instant publishedDate(ReleaseInfo release) {
		return release.draft() ? null : release.publishedAt();
	}
}
