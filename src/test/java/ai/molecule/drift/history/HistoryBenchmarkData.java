package ai.molecule.drift.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

/**
 * A year of nightly runs of a 1,000-repository org, written through {@link RunStore} as the job writes
 * them: a release every third day, 800 consumers that each catch up on a random night about every two
 * weeks, 50 exempt, 50 unlisted-pinned from night 300, the rest clean, and one repository in a thousand
 * unreadable on any night. Seeded, so every database gets the same history.
 */
final class HistoryBenchmarkData {

	/** A year; {@code -Dbenchmark.nights=N} makes a quick trial run. */
	static final int NIGHTS = Integer.getInteger("benchmark.nights", 365);

	static final int REPOS = 1_000;

	static final String ORG = "benchmark-org";

	static final String PREFIX = "molecule-ai-workspace-template-";

	static final Instant FIRST_NIGHT = Instant.parse("2025-11-23T03:00:00Z");

	private static final ForgeInfo FORGE = new ForgeInfo("gitea", "https://git.example.com", ORG, PREFIX);

	private final List<Release> releases = new ArrayList<>();

	private final Random random = new Random(20261122);

	HistoryBenchmarkData() {
		Instant first = FIRST_NIGHT.minus(Duration.ofDays(60)).plus(Duration.ofHours(9));
		for (int k = 0; k < 160; k++) {
			releases.add(new Release(Version.of(1, k / 25, k % 25), "runtime-v" + Version.of(1, k / 25, k % 25),
					first.plus(Duration.ofDays(3L * k))));
		}
	}

	/** The SSOT half-way through the year. */
	Version midYearSsot() {
		return releases.get(ssotIndex(FIRST_NIGHT.plus(Duration.ofDays(NIGHTS / 2)))).version();
	}

	static String repo(int i) {
		return PREFIX + String.format("%04d", i);
	}

	/** Fills the store; returns the id of the last run. */
	long fill(RunStore store) {
		int[] pins = new int[REPOS];
		for (int i = 0; i < REPOS; i++) {
			pins[i] = Math.max(0, ssotIndex(FIRST_NIGHT) - random.nextInt(10));
		}
		long runId = 0;
		for (int night = 0; night < NIGHTS; night++) {
			Instant at = FIRST_NIGHT.plus(Duration.ofDays(night));
			int ssot = ssotIndex(at);
			runId = store.start(FORGE, at, 0);
			store.recordReleases(runId, ReleaseLine.ofReleases(releases.subList(0, ssot + 1)));
			List<RepoResult> results = new ArrayList<>(REPOS);
			boolean unreadable = false;
			for (int i = 0; i < REPOS; i++) {
				if (random.nextInt(14) == 0) {
					pins[i] = ssot;
				}
				RepoResult result = result(i, night, ssot, pins[i]);
				unreadable |= result.unreadable();
				results.add(result);
			}
			store.saveResults(runId, results);
			RunStatus status = unreadable ? RunStatus.ERROR : night >= 300 ? RunStatus.FAIL : RunStatus.PASS;
			store.finish(runId, status, status == RunStatus.PASS ? List.of() : List.of("benchmark"), at.plusSeconds(9));
		}
		return runId;
	}

	private RepoResult result(int i, int night, int ssot, int pin) {
		Classification classification = i < 800 ? Classification.ENUMERATED : i < 850 ? Classification.EXEMPT
				: i < 900 && night >= 300 ? Classification.UNLISTED_PINNED : Classification.CLEAN;
		if (random.nextInt(1_000) == 0) {
			return new RepoResult(repo(i), classification == Classification.ENUMERATED
					|| classification == Classification.EXEMPT ? classification : Classification.UNKNOWN, false, null, null,
					List.of(new Finding(FindingCode.UNREADABLE, Severity.ERROR, "HTTP 503 after 4 attempts")));
		}
		if (classification == Classification.CLEAN) {
			return new RepoResult(repo(i), classification, false, null, null, List.of());
		}
		Release pinned = releases.get(pin);
		Release target = releases.get(ssot);
		int behind = ssot - pin;
		Lag lag = new Lag(behind, Duration.between(pinned.publishedAt(), target.publishedAt()).toDays(),
				behind == 0 ? LagLevel.NONE : pinned.version().levelOfDifference(target.version()));
		List<Finding> findings = new ArrayList<>();
		if (classification == Classification.UNLISTED_PINNED) {
			findings.add(new Finding(FindingCode.UNLISTED_PINNED, Severity.ERROR, "neither a consumer nor exempt"));
		}
		if (behind > 0) {
			findings.add(new Finding(FindingCode.PIN_DRIFT, Severity.WARNING,
					"pinned " + pinned.version() + ", " + behind + " releases behind " + target.version()));
		}
		return new RepoResult(repo(i), classification, false, pinned.version().toString(), lag, findings);
	}

	private int ssotIndex(Instant at) {
		int index = 0;
		while (index + 1 < releases.size() && releases.get(index + 1).publishedAt().isBefore(at)) {
			index++;
		}
		return index;
	}
}
