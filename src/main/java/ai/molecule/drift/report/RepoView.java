package ai.molecule.drift.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.ContractCheck;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.RepoResult;

/**
 * One repository as the report templates show it; public because FreeMarker reads it through reflection.
 *
 * @param name repository name without {@link Invisible invisible characters}, else raw (each template
 *     escapes it for its own format): for links, titles and data attributes
 * @param displayName the name without the scan's shared prefix (the whole name when that would leave nothing)
 * @param classification contract id, such as {@code unlisted-pinned}
 * @param archived archived repos never fail the run
 * @param failsRun whether this repository makes the run fail
 * @param unreadable whether its files could not be read
 * @param pin the pin as found; {@code null} without one
 * @param lag how far the pin is behind; never {@code null} ({@code state} is {@code none} without a lag)
 * @param findings in the order they were found
 * @param url the repository's page on the forge; {@code null} without one (the local forge)
 * @param rank how urgent, lowest first: {@code 0} fails the run or could not be read, {@code 1} has a finding
 *     to act on, {@code 2} archived with findings (never fails), {@code 3} nothing to do
 * @param contracts each vendored file's state, in the lock's order; empty without a lock
 * @param proposal the bump proposed this run; {@code null} without one
 */
public record RepoView(String name, String displayName, String classification, boolean archived, boolean failsRun,
		boolean unreadable, String pin, LagView lag, List<FindingView> findings, String url, int rank,
		List<ContractView> contracts, ProposalView proposal) {

	/** Most urgent first: by rank, then the furthest behind, then by name. */
	static final Comparator<RepoView> URGENCY = Comparator.comparingInt(RepoView::rank)
		.thenComparing(Comparator.comparingInt(RepoView::releasesBehind).reversed())
		.thenComparing(RepoView::name, Comparator.nullsFirst(Comparator.naturalOrder()));

	static RepoView of(RepoResult repo, int maxReleasesBehind, String prefix, RepoPages pages, Proposal proposal,
			Instant now) {
		boolean ahead = repo.findings().stream().anyMatch(f -> f.code() == FindingCode.AHEAD_OF_SSOT);
		String name = Invisible.strip(repo.name());
		return new RepoView(name, displayName(name, prefix), repo.classification().id(), repo.archived(),
				repo.failsRun(), repo.unreadable(), Invisible.strip(repo.pin()), LagView.of(repo.lag(), ahead, maxReleasesBehind),
				repo.findings().stream().map(FindingView::of).toList(), pages.page(name), urgency(repo),
				repo.contracts().stream().map(ContractView::of).toList(), ProposalView.of(proposal, now));
	}

	/**
	 * One vendored file's state.
	 *
	 * @param path the vendored copy
	 * @param state {@code in-sync}, {@code drift}, {@code lock-mismatch}, {@code source-missing} or {@code invalid}
	 */
	public record ContractView(String path, String state) {

		static ContractView of(ContractCheck check) {
			return new ContractView(Invisible.strip((check.path() == null) ? "?" : check.path()), check.state().id());
		}
	}

	/**
	 * The bump proposed for the repository.
	 *
	 * @param target the version it bumps to
	 * @param stage which stage; {@code stages} how many ({@code 1 of 1} when not staged)
	 * @param stages how many stages the whole bump takes
	 * @param state {@code opened}, {@code unchanged}, {@code failed}, ...
	 * @param number the pull request's number; {@code null} without one
	 * @param url the pull request's page; {@code null} without one
	 * @param branch the proposal's branch
	 * @param age days since it was first made; {@code null} when it was not made
	 * @param openedDate the day it was first made, such as {@code 2026-12-01}; {@code null} when it was not made
	 * @param reason why it failed or was declined; {@code null} otherwise
	 */
	public record ProposalView(String target, int stage, int stages, String state, Integer number, String url,
			String branch, Long age, String openedDate, String reason) {

		static ProposalView of(Proposal proposal, Instant now) {
			if (proposal == null) {
				return null;
			}
			Long age = (proposal.openedAt() == null || now == null) ? null
					: Math.max(0, Duration.between(proposal.openedAt(), now).toDays());
			return new ProposalView(proposal.target(), proposal.stage(), proposal.stages(), proposal.state().id(),
					proposal.number(), proposal.url(), Invisible.strip(proposal.branch()), age,
					(proposal.openedAt() == null) ? null : proposal.openedAt().toString().substring(0, 10),
					Invisible.strip(proposal.reason()));
		}

		public boolean staged() {
			return stages > 1;
		}
	}

	/** {@code name} without {@code prefix}, unless that leaves nothing or the name does not start with it. */
	static String displayName(String name, String prefix) {
		if (name == null || prefix == null || prefix.isEmpty() || !name.startsWith(prefix)
				|| name.length() == prefix.length()) {
			return name;
		}
		return name.substring(prefix.length());
	}

	private static int urgency(RepoResult repo) {
		if (repo.failsRun() || repo.unreadable()) {
			return 0;
		}
		if (repo.findings().isEmpty()) {
			return 3;
		}
		return repo.archived() ? 2 : 1;
	}

	/** Releases behind the SSOT; 0 when in sync, ahead or not measured. */
	public int releasesBehind() {
		return lag.releases() == null ? 0 : lag.releases();
	}

	/**
	 * Findings the lag column does not already say (pin drift and lag over the policy's limit do), errors
	 * first: what "needs action" lists.
	 */
	public List<FindingView> findingsBeyondLag() {
		return findings.stream()
			.filter(f -> !f.saidByLag())
			.sorted(Comparator.comparing((FindingView f) -> !f.severity().equals("error")))
			.toList();
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

		/** Whether the lag column already tells what this finding says. */
		public boolean saidByLag() {
			return code.equals(FindingCode.PIN_DRIFT.id()) || code.equals(FindingCode.LAG_EXCEEDED.id());
		}
	}
}
