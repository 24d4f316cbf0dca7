package ai.molecule.drift.classify;

import java.util.regex.Pattern;

/**
 * Where a template pins the runtime, the one definition that reading a pin and rewriting one share: the
 * files, and the lines of a {@code Dockerfile} and a {@code requirements.txt} that pin it, each with the
 * version as the group {@value #VERSION}.
 */
public final class RuntimePins {

	public static final String PIN_FILE = ".runtime-version";

	public static final String DOCKERFILE = "Dockerfile";

	public static final String REQUIREMENTS = "requirements.txt";

	/** The name of the group that holds the version in {@link #DOCKER_ARG} and {@link #REQUIREMENT}. */
	public static final String VERSION = "version";

	/** {@code ARG RUNTIME_VERSION=...}, the default of every stage; a value holding {@code $} is no pin. */
	public static final Pattern DOCKER_ARG = Pattern
		.compile("(?im)^\\s*ARG\\s+RUNTIME_VERSION\\s*=\\s*[\"']?(?<version>[^\\s\"']+)[\"']?\\s*$");

	/** PEP 503: the name compares case-insensitively with runs of '-', '_' and '.' equal; extras allowed. */
	public static final Pattern REQUIREMENT = Pattern
		.compile("(?im)^\\s*molecule[-_.]+ai[-_.]+workspace[-_.]+runtime\\s*(?:\\[[^\\]]*])?\\s*==\\s*(?<version>[^\\s;#,]+)");

	private RuntimePins() {
	}
}
