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

	private static final Pattern DOCKER_ARG = Pattern
		.compile("(?im)^\\s*ARG\\s+RUNTIME_VERSION\\s*=\\s*[\"']?([^\\s\"']+)[\"']?\\s*$");

	// PEP 503: the name compares case-insensitively with runs of '-', '_' and '.' equal.
	private static final Pattern REQUIREMENT = Pattern
		.compile("(?im)^\\s*molecule[-_.]+ai[-_.]+workspace[-_.]+runtime\\s*(?:\\[[^\\]]*])?\\s*==\\s*([^\\s;#,]+)");

	private PinConsistency() {
	}

	static void check(PinText pin, String dockerfile, String requirements, RepoClassifier.Findings findings) {
		first(DOCKER_ARG, dockerfile).filter(v -> !v.contains("$"))
			.filter(v -> disagrees(pin, v))
			.ifPresent(v -> findings.add(FindingCode.INCONSISTENT_PIN,
					"Dockerfile ARG RUNTIME_VERSION=%s disagrees with .runtime-version %s".formatted(v, pin.shown())));
		first(REQUIREMENT, requirements).filter(v -> disagrees(pin, v))
			.ifPresent(v -> findings.add(FindingCode.INCONSISTENT_PIN,
					"requirements.txt pins molecule-ai-workspace-runtime==%s, .runtime-version says %s"
						.formatted(v, pin.shown())));
	}

	private static Optional<String> first(Pattern pattern, String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = pattern.matcher(text);
		return m.find() ? Optional.of(shorten(m.group(1))) : Optional.empty();
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
