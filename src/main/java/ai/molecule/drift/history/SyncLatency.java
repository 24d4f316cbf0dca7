package ai.molecule.drift.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.molecule.drift.lag.Version;

/**
 * The arithmetic of time-to-sync, free of SQL: given the runs and each consumer's pin changes, when did
 * the first run see each consumer at or above a release.
 */
final class SyncLatency {

	/**
	 * A run of the history.
	 *
	 * @param id the run
	 * @param startedAt when it started
	 */
	record Run(long id, Instant startedAt) {
	}

	/**
	 * A run in which a consumer's (readable) pin differed from the one before, or that first read it: between
	 * two changes, and in runs where it could not be read, its pin is the last one known.
	 *
	 * @param runId the run; {@code null} when only its start is known (the run was pruned)
	 * @param startedAt when it started
	 * @param pin the pin; {@code null} without one
	 * @param version the pin as a version; {@code null} when it is none
	 */
	record PinChange(Long runId, Instant startedAt, String pin, Version version) {

		static PinChange of(Long runId, Instant startedAt, String pin) {
			return new PinChange(runId, startedAt, pin, Version.parse(pin).orElse(null));
		}
	}

	/**
	 * A bump proposal as time-to-sync counts it: when the tool first proposed a target to a consumer.
	 *
	 * @param target the version proposed
	 * @param openedAt when it was first made
	 */
	record Proposed(Version target, Instant openedAt) {
	}

	private final List<Run> runs;

	/** @param runs every complete run of the history, oldest first; not empty */
	SyncLatency(List<Run> runs) {
		this.runs = List.copyOf(runs);
	}

	/**
	 * @param release the release
	 * @param publishedAt its publication (or, when unknown, the first run that knew it)
	 * @param publicationKnown whether {@code publishedAt} is the real publication
	 * @param changes each consumer's pin changes, oldest first (by start)
	 */
	ReleaseSync of(Version release, Instant publishedAt, boolean publicationKnown, Map<String, List<PinChange>> changes) {
		return of(release, publishedAt, publicationKnown, changes, Map.of());
	}

	/**
	 * @param proposals each consumer's bump proposals, any order: the latency is split at the first that took
	 *     it to the release or a later one
	 */
	ReleaseSync of(Version release, Instant publishedAt, boolean publicationKnown, Map<String, List<PinChange>> changes,
			Map<String, List<Proposed>> proposals) {
		Run latest = runs.get(runs.size() - 1);
		Optional<Run> firstRun = runs.stream().filter(r -> !r.startedAt().isBefore(publishedAt)).findFirst();
		List<ConsumerSync> consumers = new ArrayList<>();
		changes.forEach((consumer, pins) -> {
			Optional<Proposed> proposed = proposals.getOrDefault(consumer, List.of())
				.stream()
				.filter(p -> !release.isNewerThan(p.target()))
				.min(Comparator.comparing(Proposed::openedAt));
			consumers.add(firstRun.flatMap(first -> syncedAt(release, first, pins))
				.map(c -> synced(consumer, publishedAt, c, proposed))
				.orElseGet(() -> pending(consumer, publishedAt, latest, pins, proposed)));
		});
		consumers.sort(Comparator.comparing(ConsumerSync::consumer));
		List<Long> latencies = consumers.stream().filter(ConsumerSync::synced).map(ConsumerSync::days).sorted().toList();
		return new ReleaseSync(release.toString(), publicationKnown ? publishedAt : null,
				publishedAt.isBefore(runs.get(0).startedAt()), latencies.size(), consumers.size() - latencies.size(),
				nearestRank(latencies, consumers.size(), 50), nearestRank(latencies, consumers.size(), 90), consumers);
	}

	/**
	 * The first run, from {@code first} (the first run at or after the publication) on, whose (last known)
	 * pin is at or above the release.
	 */
	private static Optional<PinChange> syncedAt(Version release, Run first, List<PinChange> pins) {
		Optional<PinChange> inEffect = pins.stream()
			.filter(p -> !p.startedAt().isAfter(first.startedAt()))
			.reduce((a, b) -> b);
		if (inEffect.isPresent() && atOrAbove(inEffect.get(), release)) {
			PinChange pin = inEffect.get();
			return Optional.of(new PinChange(first.id(), first.startedAt(), pin.pin(), pin.version()));
		}
		return pins.stream().filter(p -> p.startedAt().isAfter(first.startedAt()) && atOrAbove(p, release)).findFirst();
	}

	private static ConsumerSync synced(String consumer, Instant publishedAt, PinChange change,
			Optional<Proposed> proposed) {
		// A proposal made after the consumer synced (it synced by hand) took no part in it.
		Optional<Proposed> before = proposed.filter(p -> !p.openedAt().isAfter(change.startedAt()));
		return new ConsumerSync(consumer, ConsumerSync.SYNCED, days(publishedAt, change.startedAt()), change.runId(),
				change.startedAt(), change.pin(), before.map(p -> days(publishedAt, p.openedAt())).orElse(null),
				before.map(p -> days(p.openedAt(), change.startedAt())).orElse(null));
	}

	private static ConsumerSync pending(String consumer, Instant publishedAt, Run latest, List<PinChange> pins,
			Optional<Proposed> proposed) {
		String lastPin = pins.isEmpty() ? null : pins.get(pins.size() - 1).pin();
		return new ConsumerSync(consumer, ConsumerSync.PENDING, days(publishedAt, latest.startedAt()), latest.id(),
				latest.startedAt(), lastPin, proposed.map(p -> days(publishedAt, p.openedAt())).orElse(null), null);
	}

	private static boolean atOrAbove(PinChange pin, Version release) {
		return pin.version() != null && !release.isNewerThan(pin.version());
	}

	/** Whole days, as {@code lag.days} counts them. */
	static long days(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toDays());
	}

	/**
	 * The nearest-rank percentile of {@code total} latencies of which {@code synced} (sorted) are known and
	 * the rest pending, hence larger; {@code null} when the rank falls on a pending one.
	 */
	static Long nearestRank(List<Long> synced, int total, int percent) {
		if (total == 0) {
			return null;
		}
		int rank = (int) Math.ceil(percent / 100.0 * total);
		return rank <= synced.size() ? synced.get(Math.max(rank, 1) - 1) : null;
	}
}
