package ai.molecule.drift.contract;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML of a lock, read as nodes (never as objects: nothing in a repository may build a Java type),
 * within limits that keep a hostile lock from costing memory or time.
 */
final class LockYaml {

	/** A lock is a few lines; a bigger one is not a lock. */
	static final int MAX_CHARACTERS = 256 * 1024;

	/** The field under which an entry that is no mapping carries its problem. */
	static final String NOT_AN_ENTRY = "\0problem";

	/**
	 * @param entries each entry's scalar fields by key
	 * @param problem why the lock as a whole cannot be read; {@code null} when it can
	 */
	record Parsed(List<Map<String, String>> entries, String problem) {
	}

	private LockYaml() {
	}

	static Parsed parse(String text) {
		if (text.length() > MAX_CHARACTERS) {
			return failed("is larger than " + (MAX_CHARACTERS / 1024) + " KiB, which no lock needs");
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(10);
		options.setCodePointLimit(MAX_CHARACTERS);
		Node root;
		try {
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (YAMLException | IllegalArgumentException ex) {
			String reason = String.valueOf(ex.getMessage()).lines().findFirst().orElse("").strip();
			return failed("is not YAML (" + shorten(reason) + ")");
		}
		if (!(root instanceof MappingNode mapping)) {
			return failed("is not a mapping with a \"contracts\" list");
		}
		if (mapping.getValue().stream().filter((tuple) -> isKey(tuple, "contracts")).count() > 1) {
			return failed("has \"contracts\" twice");
		}
		Node contracts = value(mapping, "contracts");
		if (contracts == null || (contracts instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
			return new Parsed(List.of(), null);
		}
		if (!(contracts instanceof SequenceNode sequence)) {
			return failed("has a \"contracts\" that is not a list");
		}
		List<Map<String, String>> entries = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			entries.add(fields(item));
		}
		return new Parsed(entries, null);
	}

	private static Map<String, String> fields(Node item) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (!(item instanceof MappingNode mapping)) {
			fields.put(NOT_AN_ENTRY, "is not a mapping with path, sha256 and source (line " + line(item) + ")");
			return fields;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key) {
				if (fields.containsKey(key.getValue())) {
					fields.put(NOT_AN_ENTRY, "has \"" + shorten(key.getValue()) + "\" twice (line " + line(key) + ")");
				}
				else if (tuple.getValueNode() instanceof ScalarNode value) {
					fields.put(key.getValue(), value.getValue().isEmpty() ? null : value.getValue());
				}
				else {
					fields.put(NOT_AN_ENTRY, "has a \"" + shorten(key.getValue()) + "\" that is not text (line "
							+ line(tuple.getValueNode()) + ")");
				}
			}
		}
		return fields;
	}

	private static Node value(MappingNode mapping, String key) {
		return mapping.getValue().stream().filter((tuple) -> isKey(tuple, key)).findFirst()
			.map(NodeTuple::getValueNode).orElse(null);
	}

	private static boolean isKey(NodeTuple tuple, String key) {
		return tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key);
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private static String shorten(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 120) ? printable.substring(0, 120) + "..." : printable;
	}

	private static Parsed failed(String problem) {
		return new Parsed(List.of(), problem);
	}
}
