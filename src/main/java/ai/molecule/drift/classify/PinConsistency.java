package ai.molecule.drift.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.FindingCode;

/**
 * Checks that the {@code Dockerfile}'s {@code ARG RUNTIME_VERSION=} default and the
 * {@code requirements.txt} pin agree with {@code .runtime-version}.
 */
final class PinConsistency {

	private PinConsistency() {
	}

	static void check(PinText pin, String dockerfile, String requirements, RepoClassifier.Findings findings) {
		first(RuntimePins.DOCKER_ARG, dockerfile).filter(v -> !v.contains("$"))
			.filter(v -> disagrees(pin, v))
			.ifPresent(v -> findings.add(FindingCode.INCONSISTENT_PIN,
					"Dockerfile ARG RUNTIME_VERSION=%s disagrees with .runtime-version %s".formatted(v, pin.shown())));
		first(RuntimePins.REQUIREMENT, requirements).filter(v -> disagrees(pin, v))
			.ifPresent(v -> findings.add(FindingCode.INCONSISTENT_PIN,
					"requirements.txt pins molecule-ai-workspace-runtime==%s, .runtime-version says %s"
						.formatted(v, pin.shown())));
	}

	private static Optional<String> first(Pattern pattern, String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = pattern.matcher(text);
		return m.find() ? Optional.of(shorten(m.group(RuntimePins.VERSION))) : Optional.empty();
	}

	private static boolean disagrees(PinText pin, String other) {
		Optional<Version> otherVersion = Version.parse(other);
		if (pin.version().isPresent() && otherVersion.isPresent()) {
			return pin.version().get().compareTo(otherVersion.get()) != 0;
		}
		return !other.equals(pin.shown());
	}

	private static String shorten(String value) {
		return value.length() > PinText.MAX_LENGTH ? value.substring(0, PinText.MAX_LENGTH) + "…" : value;
	}
}
