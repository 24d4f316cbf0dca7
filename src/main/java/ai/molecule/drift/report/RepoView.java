package ai.molecule.drift.report;

import java.util.List;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;

/**
 * One repository as the report templates show it; public because FreeMarker reads it through reflection.
 *
 * @param name repository name without {@link Invisible invisible characters}, else raw (each template
 *     escapes it for its own format)
 * @param classification contract id, such as {@code unlisted-pinned}
 * @param archived archived repos never fail the run
 * @param failsRun whether this repository makes the run fail
 * @param unreadable whether its files could not be read
 * @param pin the pin as found; {@code null} without one
 * @param lag how far the pin is behind; never {@code null} ({@code state} is {@code none} without a lag)
 * @param findings in the order they were found
 */
public record RepoView(String name, String classification, boolean archived, boolean failsRun, boolean unreadable,
		String pin, LagView lag, List<FindingView> findings) {

	static RepoView of(RepoResult repo, int maxReleasesBehind) {
		boolean ahead = repo.findings().stream().anyMatch(f -> f.code() == FindingCode.AHEAD_OF_SSOT);
		return new RepoView(Invisible.strip(repo.name()), repo.classification().id(), repo.archived(),
				repo.failsRun(), repo.unreadable(), Invisible.strip(repo.pin()), LagView.of(repo.lag(), ahead, maxReleasesBehind),
				repo.findings().stream().map(FindingView::of).toList());
	}

	/**
	 * A lag, labelled for people.
	 *
	 * @param state {@code behind}, {@code in-sync}, {@code ahead} or {@code none} (no valid pin or no SSOT)
	 * @param releases releases behind; {@code null} for {@code none}
	 * @param days days behind; {@code null} when unknown
	 * @param level {@code none}, {@code patch}, {@code minor} or {@code major}; {@code null} for {@code none}
	 * @param label such as {@code 16 releases / 41 days behind}, {@code in sync}, {@code ahead} or a dash
	 * @param barPercent bar length: releases behind relative to the most any repository of the run is behind
	 */
	public record LagView(String state, Integer releases, Long days, String level, String label, int barPercent) {

		static final String NO_LAG = "\u2014";

		static LagView of(Lag lag, boolean aheadFinding, int maxReleasesBehind) {
			if (lag == null) {
				return new LagView("none", null, null, null, NO_LAG, 0);
			}
			String level = lag.level().id();
			if (lag.releases() > 0) {
				return new LagView("behind", lag.releases(), lag.days(), level, behindLabel(lag),
						barPercent(lag.releases(), maxReleasesBehind));
			}
			// No newer release yet a different version: the pin is newer than the SSOT.
			if (aheadFinding || lag.level() != LagLevel.NONE) {
				return new LagView("ahead", 0, lag.days(), level, "ahead", 0);
			}
			return new LagView("in-sync", 0, lag.days(), level, "in sync", 0);
		}

		private static String behindLabel(Lag lag) {
			String releases = plural(lag.releases(), "release");
			return lag.days() == null ? releases + " behind"
					: releases + " / " + plural(lag.days(), "day") + " behind";
		}

		private static int barPercent(int releases, int max) {
			// A sliver stays visible for one release behind in a run where another repo is far behind.
			return Math.max(2, (int) Math.round(releases * 100.0 / Math.max(max, releases)));
		}

		private static String plural(long n, String unit) {
			return n + " " + unit + (n == 1 ? "" : "s");
		}
	}

	/**
	 * A finding with its contract ids.
	 *
	 * @param code such as {@code pin-drift}
	 * @param severity {@code error} or {@code warning}
	 * @param message one sentence, raw
	 */
	public record FindingView(String code, String severity, String message) {

		static FindingView of(Finding finding) {
			return new FindingView(finding.code().id(), finding.severity().id(), Invisible.strip(finding.message()));
		}
	}
}
