package ai.molecule.drift.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import ai.molecule.drift.policy.PolicyNodes.Entry;

/**
 * Reads the policy YAML into a {@link Policy}, refusing anything doubtful with a message that names
 * the file, the line and the key at fault: every such problem of the file at once, unless the file is
 * not YAML at all.
 */
public class PolicyLoader {

	/** Real policies are a few kilobytes; anything this big is the wrong file or a hostile one. */
	static final int MAX_SIZE = 1024 * 1024;

	static final List<String> TOP_LEVEL_KEYS = List.of("consumers", "exempt", "max-lag-releases", "fail-on",
			"contracts-required", "propose");

	private static final String SETTING = "drift.policy-file (env DRIFT_POLICY_FILE)";

	/** Reads and checks the policy file; its problems, all of them, are one {@link PolicyException}. */
	public Policy load(Path file) {
		Path resolved = file.toAbsolutePath().normalize();
		// A relative path resolves against the working directory, which differs between a laptop and the CronJob.
		String described = resolved.toString().equals(file.toString()) ? file.toString()
				: file + " (resolved to " + resolved + ")";
		if (Files.isDirectory(file)) {
			throw new PolicyException("Policy file " + described + " is a directory; set " + SETTING
					+ " to the YAML file itself");
		}
		if (Files.notExists(file)) {
			throw new PolicyException("Policy file " + described + " does not exist; create it or set " + SETTING
					+ " to its path");
		}
		byte[] bytes;
		// Bounded read rather than a size check, so a device or pipe cannot make us read forever.
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(MAX_SIZE + 1);
		}
		catch (IOException ex) {
			String why = ex instanceof AccessDeniedException ? "permission denied" : ex.toString();
			throw new PolicyException("Policy file " + described + " cannot be read (" + why
					+ "); check its permissions or set " + SETTING + " to a readable file", ex);
		}
		if (bytes.length > MAX_SIZE) {
			throw new PolicyException("Policy file " + described + " is larger than the 1 MiB limit; check that "
					+ SETTING + " names the policy file");
		}
		return parse(decode(bytes, file.toString()), file.toString());
	}

	/**
	 * Checks policy YAML already in memory.
	 * @param yaml the document; a leading byte-order mark is ignored
	 * @param sourceName the file name to start messages with
	 */
	public Policy parse(String yaml, String sourceName) {
		PolicyNodes nodes = new PolicyNodes(sourceName);
		String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
		if (text.length() > MAX_SIZE) {
			throw nodes.error("the policy is larger than the 1 MiB limit");
		}
		Node root = compose(text, nodes);
		if (root == null || PolicyNodes.isNull(root)) {
			throw nodes.error("the policy file is empty; an empty policy is written \"consumers: []\"");
		}
		nodes.rejectTags(root);
		// A tagged value means something else than it reads: what follows from it would only add noise.
		nodes.failIfAny();
		if (!(root instanceof MappingNode mapping)) {
			throw nodes.fail(root, "the policy must be a mapping with the keys " + String.join(", ", TOP_LEVEL_KEYS)
					+ ", not " + PolicyNodes.describe(root));
		}
		Map<String, Entry> top = nodes.entries(mapping, "");
		for (Entry entry : top.values()) {
			if (!TOP_LEVEL_KEYS.contains(entry.name())) {
				nodes.report(entry.key(), "unknown top-level key \"" + entry.name() + "\"; allowed keys are "
						+ String.join(", ", TOP_LEVEL_KEYS));
			}
		}
		Policy policy = new PolicyReader(nodes).read(top);
		nodes.failIfAny();
		return policy;
	}

	private static Node compose(String text, PolicyNodes nodes) {
		LoaderOptions options = options();
		ParserImpl parser = new ParserImpl(new StreamReader(text), options);
		try {
			return new Composer(parser, new Resolver(), options).getSingleNode();
		}
		catch (MarkedYAMLException ex) {
			throw invalid(ex, nodes);
		}
		catch (YAMLException ex) {
			// The alias and nesting limits carry no mark, but the parser has stopped just after the culprit.
			Integer line = lineAfter(parser);
			String message = "not valid YAML: " + ex.getMessage();
			throw line == null ? nodes.error(message) : nodes.error(line, message);
		}
	}

	/** SnakeYAML's problem, with the construct it was reading and where that began when it is another line. */
	private static PolicyException invalid(MarkedYAMLException ex, PolicyNodes nodes) {
		Mark problemMark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
		String message = "not valid YAML: " + (ex.getProblem() != null ? ex.getProblem() : ex.getContext());
		if (ex.getProblem() != null && ex.getContext() != null) {
			Mark contextMark = ex.getContextMark();
			boolean elsewhere = contextMark != null && problemMark != null
					&& contextMark.getLine() != problemMark.getLine();
			message += " (" + ex.getContext() + (elsewhere ? " started at line " + (contextMark.getLine() + 1) : "") + ")";
		}
		if (problemMark == null) {
			return nodes.error(message);
		}
		return nodes.error(problemMark.getLine() + 1, message + ", at column " + (problemMark.getColumn() + 1));
	}

	private static Integer lineAfter(ParserImpl parser) {
		try {
			return parser.peekEvent().getStartMark().getLine() + 1;
		}
		catch (YAMLException ex) {
			return null;
		}
	}

	/** No type construction happens (nodes only), and these limits stop alias bombs and deep nesting. */
	private static LoaderOptions options() {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(20);
		options.setNestingDepthLimit(20);
		options.setCodePointLimit(MAX_SIZE);
		options.setAllowRecursiveKeys(false);
		options.setMergeOnCompose(false);
		options.setProcessComments(false);
		options.setTagInspector(tag -> false);
		return options;
	}

	private static String decode(byte[] bytes, String sourceName) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				line += bytes[i] == '\n' ? 1 : 0;
			}
			throw new PolicyNodes(sourceName).error(line, "not UTF-8 text; save the policy file as UTF-8");
		}
		return out.flip().toString();
	}
}
