package ai.molecule.drift.classify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.molecule.drift.contract.ContractDecision;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.Severity;
import ai.molecule.drift.policy.Exemption;
import ai.molecule.drift.policy.Policy;

/**
 * Classifies one repository against the policy and measures its pin against the release line:
 * the heart of the tool, free of I/O and Spring.
 */
public final class RepoClassifier {

	private final Policy policy;

	/** Consumers and exemptions by lower-case name: forges compare repository names ignoring case. */
	private final Set<String> consumers;

	private final Map<String, Exemption> exemptions;

	private final ReleaseLine releases;

	private final LocalDate today;

	public RepoClassifier(Policy policy, ReleaseLine releases, LocalDate today) {
		this.policy = policy;
		this.consumers = policy.consumers().stream().map(RepoClassifier::key).collect(Collectors.toUnmodifiableSet());
		this.exemptions = policy.exemptions()
			.stream()
			.collect(Collectors.toUnmodifiableMap((e) -> key(e.repo()), Function.identity(), (first, second) -> first));
		this.releases = releases;
		this.today = today;
	}

	public RepoResult classify(RepoSnapshot repo) {
		Findings findings = new Findings(policy.failOn());
		String name = repo.name();
		boolean enumerated = consumers.contains(key(name));
		Optional<Exemption> exemption = Optional.ofNullable(exemptions.get(key(name)));
		boolean exempt = exemption.isPresent() && !exemption.get().expiredOn(today);
		exemption.filter(e -> !exempt)
			.ifPresent(e -> findings.add(FindingCode.EXEMPTION_EXPIRED, "exemption expired on %s (reason was: %s); it no longer exempts this repository"
				.formatted(e.expires(), e.reason())));

		if (!repo.exists()) {
			findings.add(FindingCode.MISSING_REPO,
					"enumerated consumer does not exist in the organisation (or is not visible to the token)");
			return new RepoResult(name, Classification.ENUMERATED, false, null, null, findings.list());
		}
		if (repo.readError() != null) {
			findings.add(FindingCode.UNREADABLE, "could not be read, so its pin is unknown: " + repo.readError());
			Classification known = enumerated ? Classification.ENUMERATED
					: exempt ? Classification.EXEMPT : Classification.UNKNOWN;
			return new RepoResult(name, known, repo.archived(), null, null, findings.list());
		}

		PinText pin = PinText.of(repo.pinFile());
		Classification classification = enumerated ? Classification.ENUMERATED
				: exempt ? Classification.EXEMPT
						: pin.present() ? Classification.UNLISTED_PINNED : Classification.CLEAN;

		switch (classification) {
			case UNLISTED_PINNED -> findings.add(FindingCode.UNLISTED_PINNED,
					"pins the runtime (%s) but is neither a consumer nor exempt in the policy; add it to one of them"
						.formatted(pin.shown()));
			case ENUMERATED -> {
				if (!pin.present()) {
					findings.add(FindingCode.MISSING_PIN, "enumerated consumer has no .runtime-version");
				}
			}
			case EXEMPT -> {
				if (pin.present()) {
					findings.add(FindingCode.STALE_EXEMPTION,
							"exempt (%s) but carries .runtime-version %s; make it a consumer or drop the pin"
								.formatted(exemption.orElseThrow().reason(), pin.shown()));
				}
			}
			default -> {
			}
		}

		Lag lag = pin.present() ? measure(pin, findings) : null;
		if (pin.present()) {
			PinConsistency.check(pin, repo.dockerfile(), repo.requirements(), findings);
		}
		if ((classification == Classification.ENUMERATED || pin.present()) && vendorsRuntime(repo)) {
			findings.add(FindingCode.VENDORED_RUNTIME,
					"carries a vendored runtime (top-level workspace/ or molecule_runtime/); install the pinned package instead");
		}
		boolean mustAdopt = classification == Classification.ENUMERATED && !repo.archived();
		ContractDecision.Outcome contracts = ContractDecision.decide(repo.contracts(), policy.contractsRequired(),
				mustAdopt);
		contracts.findings().forEach((found) -> findings.add(found.code(), found.message()));
		return new RepoResult(name, classification, repo.archived(), pin.shown(), lag, findings.list(),
				contracts.checks(), contracts.notAdopted());
	}

	private Lag measure(PinText pin, Findings findings) {
		if (pin.version().isEmpty()) {
			findings.add(FindingCode.INVALID_PIN,
					".runtime-version is not a version (X.Y.Z): \"%s\"%s".formatted(pin.shown(),
							pin.truncated() ? " (truncated to " + PinText.MAX_LENGTH + " characters)" : ""));
			return null;
		}
		Version version = pin.version().get();
		Optional<Lag> measured = releases.lagOf(version);
		if (measured.isEmpty()) {
			return null;
		}
		Lag lag = measured.get();
		Version ssot = releases.ssot().version();
		if (version.isNewerThan(ssot)) {
			findings.add(FindingCode.AHEAD_OF_SSOT,
					"pinned %s is newer than the latest release %s".formatted(version, ssot));
		}
		else if (releases.complete() && releases.release(version).isEmpty()) {
			findings.add(FindingCode.UNKNOWN_VERSION, "pinned %s is not a published release".formatted(version));
		}
		if (lag.releases() > 0) {
			findings.add(FindingCode.PIN_DRIFT, "pinned %s, %d release%s behind %s%s".formatted(version,
					lag.releases(), lag.releases() == 1 ? "" : "s", ssot,
					lag.days() == null ? "" : " (" + lag.days() + " days)"));
		}
		Integer max = policy.maxLagReleases();
		if (max != null && lag.releases() > max) {
			findings.add(FindingCode.LAG_EXCEEDED, "%d releases behind, above the policy's max-lag-releases of %d"
				.formatted(lag.releases(), max));
		}
		return lag;
	}

	private static boolean vendorsRuntime(RepoSnapshot repo) {
		return repo.topLevel()
			.stream()
			.filter(e -> e.type() != TreeEntry.Type.FILE)
			.anyMatch(e -> e.name().equals("workspace") || e.name().equals("molecule_runtime"));
	}

	/** Collects findings, raising the codes the policy lists in {@code fail-on} to errors. */
	static final class Findings {

		private final Set<FindingCode> failOn;

		private final List<Finding> list = new ArrayList<>();

		Findings(Set<FindingCode> failOn) {
			this.failOn = failOn;
		}

		void add(FindingCode code, String message) {
			Severity severity = failOn.contains(code) ? Severity.ERROR : code.defaultSeverity();
			list.add(new Finding(code, severity, message));
		}

		List<Finding> list() {
			return list;
		}
	}

	private static String key(String repo) {
		return repo.toLowerCase(Locale.ROOT);
	}
}
