package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code drift.*} settings that exist, read from the metadata the configuration processor writes
 * beside the classes, so that a misspelled setting is rejected (with a "did you mean") instead of ignored.
 */
final class SettingNames {

	static final String PREFIX = "drift.";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final Set<String> names;

	/** Settings that take a list or a map: their name may be followed by an index or a key. */
	private final Set<String> containers;

	SettingNames(Set<String> names, Set<String> containers) {
		this.names = names;
		this.containers = containers;
	}

	static SettingNames fromMetadata() {
		Set<String> names = new TreeSet<>();
		Set<String> containers = new TreeSet<>();
		try (InputStream in = SettingNames.class.getClassLoader().getResourceAsStream(METADATA)) {
			if (in == null) {
				throw new IllegalStateException(METADATA + " is missing from the class path");
			}
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				String name = property.get("name").asString();
				String type = property.path("type").asString("");
				if (name.startsWith(PREFIX)) {
					names.add(name);
					if (type.startsWith("java.util.List") || type.startsWith("java.util.Map")
							|| type.startsWith("java.util.Set")) {
						containers.add(name);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SettingNames(names, containers);
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
		return names.stream().anyMatch((n) -> variable(n).equals(upper))
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
