package ai.molecule.drift.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads composed YAML nodes of one policy file and collects every problem as a sentence that starts with
 * {@code file:line:}, so that one run of the loader reports all of them ({@link #failIfAny()}).
 */
final class PolicyNodes {

	/** Tags plain YAML resolves to by itself; anything else would ask for a type the policy has no use for. */
	private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
			Tag.SEQ, Tag.MAP, Tag.MERGE);

	/** A mapping entry keyed by its plain-text name, with the key node kept for its line. */
	record Entry(String name, Node key, Node value) {
	}

	/** A problem and its line (0 for the whole file), so that problems are told in the file's order. */
	private record Problem(int line, String message) {
	}

	private final String sourceName;

	private final List<Problem> problems = new ArrayList<>();

	PolicyNodes(String sourceName) {
		this.sourceName = sourceName;
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	PolicyException error(Node node, String message) {
		return error(line(node), message);
	}

	PolicyException error(int line, String message) {
		return new PolicyException(sourceName + ":" + line + ": " + message);
	}

	PolicyException error(String message) {
		return new PolicyException(sourceName + ": " + message);
	}

	/** Notes a problem at a node; the reader goes on, so that the next problem is found too. */
	void report(Node node, String message) {
		problems.add(new Problem(line(node), error(node, message).getMessage()));
	}

	/** How many problems were noted so far: a reader compares counts to know whether a part was sound. */
	int problemCount() {
		return problems.size();
	}

	/** Throws every noted problem at once, in the order of their lines. */
	void failIfAny() {
		if (!problems.isEmpty()) {
			throw all();
		}
	}

	/** Notes a problem that stops the reading, and returns it with those noted before, to be thrown. */
	PolicyException fail(Node node, String message) {
		report(node, message);
		return all();
	}

	private PolicyException all() {
		return new PolicyException(problems.stream()
			.sorted(Comparator.comparingInt(Problem::line))
			.map(Problem::message)
			.toList());
	}

	/** Rejects explicit tags such as {@code !!javax.script.ScriptEngineManager} anywhere in the document. */
	void rejectTags(Node root) {
		rejectTags(root, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private void rejectTags(Node node, Set<Node> seen) {
		// Aliases share nodes (and may even loop), so each node is inspected once.
		if (!seen.add(node)) {
			return;
		}
		if (!PLAIN_TAGS.contains(node.getTag())) {
			String tag = node.getTag().getValue().replace(Tag.PREFIX, "!!");
			report(node, "YAML tag \"" + tag + "\" is not allowed; the policy holds only plain "
					+ "text, numbers, lists and mappings, so remove the tag");
		}
		if (node instanceof SequenceNode sequence) {
			sequence.getValue().forEach(item -> rejectTags(item, seen));
		}
		else if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				rejectTags(tuple.getKeyNode(), seen);
				rejectTags(tuple.getValueNode(), seen);
			}
		}
	}

	/**
	 * The entries of a mapping in document order; a duplicate key is a problem here because the node
	 * API keeps both and a later one would silently win when the tree is turned into values. Only the
	 * first of duplicates, and only plain keys, are kept.
	 * @param where prefix naming the mapping in messages, such as {@code "exempt[0] (name): "}
	 */
	Map<String, Entry> entries(MappingNode mapping, String where) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			Node key = tuple.getKeyNode();
			if (!(key instanceof ScalarNode scalar)) {
				report(key, where + "a key must be a plain name, not " + describe(key));
				continue;
			}
			Entry previous = entries.putIfAbsent(scalar.getValue(), new Entry(scalar.getValue(), key, tuple.getValueNode()));
			if (previous != null) {
				report(key, where + "duplicate key \"" + scalar.getValue() + "\" (first at line "
						+ line(previous.key()) + "); keep only one");
			}
		}
		return entries;
	}

	static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	/** The trimmed text of a scalar, or {@code null} when the node is not a scalar or is a YAML null. */
	static String text(Node node) {
		if (node instanceof ScalarNode scalar && !isNull(node)) {
			return scalar.getValue().strip();
		}
		return null;
	}

	/** What a node is, for messages that say what was expected instead. */
	static String describe(Node node) {
		if (node instanceof SequenceNode) {
			return "a list";
		}
		if (node instanceof MappingNode) {
			return "a mapping";
		}
		if (isNull(node)) {
			return "empty";
		}
		String value = abbreviate(((ScalarNode) node).getValue());
		boolean number = Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag());
		return number ? value : "\"" + value + "\"";
	}

	static String abbreviate(String value) {
		String oneLine = value.strip().replaceAll("\\s+", " ");
		return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
	}
}
