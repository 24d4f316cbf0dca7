package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code drift.*} settings and groups as the configuration processor describes them beside the classes:
 * each name with its Java type, and each setting's default when it has one.
 *
 * @param properties setting name to its type, such as {@code drift.scan.concurrency} to {@code java.lang.Integer}
 * @param groups group name to the record it binds to, such as {@code drift.scan} to {@code ...DriftProperties$Scan}
 * @param defaults setting name to its default as written in the code, such as {@code 8}
 */
record SettingsMetadata(Map<String, String> properties, Map<String, String> groups, Map<String, String> defaults) {

	static final String PREFIX = "drift.";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	static SettingsMetadata read() {
		Map<String, String> properties = new TreeMap<>();
		Map<String, String> groups = new TreeMap<>();
		Map<String, String> defaults = new TreeMap<>();
		try (InputStream in = SettingsMetadata.class.getClassLoader().getResourceAsStream(METADATA)) {
			if (in == null) {
				throw new IllegalStateException(METADATA + " is missing from the class path");
			}
			JsonNode root = JsonMapper.builder().build().readTree(in);
			for (JsonNode property : root.path("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith(PREFIX)) {
					properties.put(name, property.path("type").asString(""));
					if (property.has("defaultValue") && property.get("defaultValue").isValueNode()) {
						defaults.put(name, property.get("defaultValue").asString());
					}
				}
			}
			for (JsonNode group : root.path("groups")) {
				String name = group.get("name").asString();
				if (name.equals("drift") || name.startsWith(PREFIX)) {
					groups.put(name, group.path("type").asString(""));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SettingsMetadata(properties, groups, defaults);
	}
}
