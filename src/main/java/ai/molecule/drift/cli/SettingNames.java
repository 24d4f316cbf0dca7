package ai.molecule.drift.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code drift.*} settings that exist, read from the metadata the configuration processor writes
 * beside the classes, so that a misspelled setting is rejected (with a "did you mean") instead of ignored.
 */
final class SettingNames {

	static final String PREFIX = SettingsMetadata.PREFIX;

	private static final Pattern PROPERTY = Pattern.compile("\\bdrift(\\.[a-z0-9-]+)+");

	private final Set<String> names;

	/** Settings that take a list or a map: their name may be followed by an index or a key. */
	private final Set<String> containers;

	SettingNames(Set<String> names, Set<String> containers) {
		this.names = names;
		this.containers = containers;
	}

	static SettingNames fromMetadata() {
		Map<String, String> properties = SettingsMetadata.read().properties();
		Set<String> containers = new TreeSet<>();
		properties.forEach((name, type) -> {
			if (type.startsWith("java.util.List") || type.startsWith("java.util.Map") || type.startsWith("java.util.Set")) {
				containers.add(name);
			}
		});
		return new SettingNames(properties.keySet(), containers);
	}

	/** Whether a property name (canonical or relaxed: {@code drift.scan.chunkSize}) is a setting. */
	boolean knows(String property) {
		String name = canonical(property);
		return names.contains(name) || containers.stream().anyMatch((c) -> name.startsWith(c + "[")
				|| name.startsWith(c + "."));
	}

	/** Whether an environment variable ({@code DRIFT_SCAN_CHUNK_SIZE}) binds to a setting. */
	boolean knowsVariable(String variable) {
		String upper = variable.toUpperCase(Locale.ROOT);
		// Spring also binds a variable that leaves out the dashes' underscores: DRIFT_FORGE_BASEURL.
		return names.stream().anyMatch((n) -> variable(n).equals(upper) || dashless(n).equals(upper))
				|| containers.stream().anyMatch((c) -> upper.startsWith(variable(c) + "_"));
	}

	Optional<String> closest(String property) {
		return closestOf(canonical(property), names.stream().toList());
	}

	Optional<String> closestVariable(String variable) {
		return closestOf(variable.toUpperCase(Locale.ROOT), names.stream().map(SettingNames::variable).toList());
	}

	/** The environment variable Spring binds to a setting: {@code drift.forge.base-url} is {@code DRIFT_FORGE_BASE_URL}. */
	static String variable(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/**
	 * A sentence that names a {@code drift.*} property, with that property's environment variable beside its
	 * first mention when the sentence does not say it yet: users set either.
	 */
	static String naming(String message) {
		Matcher property = PROPERTY.matcher(message);
		if (!property.find() || message.contains(variable(property.group()))) {
			return message;
		}
		return message.substring(0, property.end()) + " (" + variable(property.group()) + ")"
				+ message.substring(property.end());
	}

	private static String dashless(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
	}

	/** Spring's relaxed names in canonical form: {@code chunkSize}, {@code chunk_size} and {@code chunk-size} alike. */
	static String canonical(String property) {
		StringBuilder name = new StringBuilder();
		for (char c : property.toCharArray()) {
			if (Character.isUpperCase(c)) {
				name.append('-').append(Character.toLowerCase(c));
			}
			else {
				name.append(c == '_' ? '-' : c);
			}
		}
		return name.toString();
	}

	private static Optional<String> closestOf(String wrong, List<String> candidates) {
		List<String> ranked = new ArrayList<>(candidates);
		ranked.sort(Comparator.comparingInt((String c) -> distance(wrong, c)));
		return ranked.stream().findFirst().filter((best) -> distance(wrong, best) <= Math.max(2, best.length() / 5));
	}

	/** Levenshtein distance: edits needed to turn one name into the other. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
