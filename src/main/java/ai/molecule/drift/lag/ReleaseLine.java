package ai.molecule.drift.lag;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runtime's published releases in version order, and the SSOT they lead to: the arithmetic of
 * lag lives here.
 */
public final class ReleaseLine {

	private final Ssot ssot;

	private final List<Release> releases;

	private final Map<Version, Release> byVersion;

	private final boolean complete;

	private ReleaseLine(Ssot ssot, List<Release> releases, boolean complete) {
		this.ssot = ssot;
		this.releases = releases.stream().sorted(Comparator.comparing(Release::version)).toList();
		this.byVersion = this.releases.stream()
			.collect(Collectors.toMap(Release::version, Function.identity(), (a, b) -> a));
		this.complete = complete;
	}

	/** The releases found as tags; the SSOT is the highest of them. */
	public static ReleaseLine ofReleases(List<Release> releases) {
		if (releases.isEmpty()) {
			throw new IllegalArgumentException("no releases");
		}
		Release newest = releases.stream().max(Comparator.comparing(Release::version)).orElseThrow();
		Ssot ssot = new Ssot(newest.version(), SsotSource.RELEASE_TAG, newest.tag(), newest.publishedAt(), null);
		return new ReleaseLine(ssot, releases, true);
	}

	/**
	 * Only the fallback file's version is known: the SSOT is that version, and it is the only known
	 * release, so a pin behind it is one release behind and "unknown release" cannot be judged.
	 */
	public static ReleaseLine ofFallback(Version version, String note) {
		Ssot ssot = new Ssot(version, SsotSource.FALLBACK_FILE, null, null, note);
		return new ReleaseLine(ssot, List.of(new Release(version, null, null)), false);
	}

	public static ReleaseLine unresolved(String problem) {
		return new ReleaseLine(Ssot.unresolved(problem), List.of(), false);
	}

	public Ssot ssot() {
		return ssot;
	}

	/** Published releases, oldest version first. */
	public List<Release> releases() {
		return releases;
	}

	/** Whether every published release is known (release tags), not just the SSOT (fallback file). */
	public boolean complete() {
		return complete;
	}

	public Optional<Release> release(Version version) {
		return Optional.ofNullable(byVersion.get(version));
	}

	/** The lag of {@code pin} behind the SSOT; empty when the SSOT is unresolved. */
	public Optional<Lag> lagOf(Version pin) {
		if (!ssot.resolved()) {
			return Optional.empty();
		}
		Version target = ssot.version();
		int behind = (int) releases.stream()
			.filter(r -> r.version().isNewerThan(pin) && !r.version().isNewerThan(target))
			.count();
		return Optional.of(new Lag(behind, daysBehind(pin), pin.levelOfDifference(target)));
	}

	private Long daysBehind(Version pin) {
		Release pinned = byVersion.get(pin);
		if (pinned == null || pinned.publishedAt() == null || ssot.publishedAt() == null) {
			return null;
		}
		// A back-ported patch can be published after the SSOT: it is not "negative days behind".
		return Math.max(0, Duration.between(pinned.publishedAt(), ssot.publishedAt()).toDays());
	}
}
