package ai.molecule.drift.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.policy.PolicyNodes.Entry;

/**
 * Checks each section of a policy file's top-level mapping and builds the {@link Policy}. A faulty item is
 * noted and left out, and the reading goes on, so that every problem of the file is found in one pass.
 */
final class PolicyReader {

	static final List<String> EXEMPTION_KEYS = List.of("repo", "reason", "expires");

	static final List<String> PROPOSE_KEYS = List.of("max-step", "labels", "exclude");

	/** Gitea and GitHub both limit names to these characters and 100 of them. */
	private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final String REPO_NAME_RULE = "a bare repository name (letters, digits, '.', '_' and '-', "
			+ "at most 100; no owner/ prefix, no spaces)";

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

	private static final Pattern CONTRACT_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

	private final PolicyNodes nodes;

	PolicyReader(PolicyNodes nodes) {
		this.nodes = nodes;
	}

	Policy read(Map<String, Entry> top) {
		Map<String, Node> consumers = consumers(top.get("consumers"));
		List<Exemption> exemptions = exemptions(top.get("exempt"), consumers);
		Integer maxLagReleases = maxLagReleases(top.get("max-lag-releases"));
		Set<FindingCode> failOn = failOn(top.get("fail-on"));
		List<String> names = consumers.values().stream().map(PolicyNodes::text).toList();
		List<String> contractsRequired = contractsRequired(top.get("contracts-required"));
		return new Policy(names, exemptions, maxLagReleases, failOn, contractsRequired, propose(top.get("propose")));
	}

	/** Consumers keyed by lower-cased name, because forges treat repository names case-insensitively. */
	private Map<String, Node> consumers(Entry entry) {
		Map<String, Node> consumers = new LinkedHashMap<>();
		List<Node> items = list(entry, "a list of repository names");
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			String where = "consumers[" + i + "]: ";
			String name = repoName(item, where);
			Node first = name == null ? null : consumers.putIfAbsent(key(name), item);
			if (first != null) {
				nodes.report(item, where + "\"" + name + "\" is listed twice "
						+ mention("first at", first, PolicyNodes.text(first), name) + "; keep only one");
			}
		}
		return consumers;
	}

	private List<Exemption> exemptions(Entry entry, Map<String, Node> consumers) {
		List<Exemption> exemptions = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		// The item of each kept exemption, for pointing at it from a later duplicate.
		List<Integer> lines = new ArrayList<>();
		List<Node> items = list(entry, "a list of entries with \"repo\", \"reason\" and optional \"expires\"");
		for (int i = 0; i < items.size(); i++) {
			Exemption exemption = exemption(items.get(i), "exempt[" + i + "]");
			if (exemption == null) {
				continue;
			}
			String repo = exemption.repo();
			String where = "exempt[" + i + "] (" + repo + "): \"" + repo + "\" ";
			Integer first = seen.putIfAbsent(key(repo), exemptions.size());
			if (first != null) {
				Exemption earlier = exemptions.get(first);
				nodes.report(items.get(i), where + "is exempted twice "
						+ mention("first at", items.get(lines.get(first)), earlier.repo(), repo)
						+ "; keep only one entry");
				continue;
			}
			Node consumer = consumers.get(key(repo));
			if (consumer != null) {
				nodes.report(items.get(i), where + "is also listed in consumers "
						+ mention("at", consumer, PolicyNodes.text(consumer), repo)
						+ "; a repository is either a consumer or exempt, so remove it from one list");
			}
			exemptions.add(exemption);
			lines.add(i);
		}
		return exemptions;
	}

	/** The exemption, or {@code null} when a problem in it was noted. */
	private Exemption exemption(Node item, String where) {
		if (!(item instanceof MappingNode mapping)) {
			nodes.report(item, where + ": must be a mapping such as \"- repo: NAME\" with \"reason: WHY\", not "
					+ PolicyNodes.describe(item));
			return null;
		}
		int problemsBefore = nodes.problemCount();
		Map<String, Entry> entries = nodes.entries(mapping, where + ": ");
		Entry repoEntry = entries.get("repo");
		// Name the entry by its repo as soon as that is plausible, so a typo elsewhere is easy to find.
		String named = repoEntry == null ? null : PolicyNodes.text(repoEntry.value());
		String label = named != null && REPO_NAME.matcher(named).matches() ? where + " (" + named + ")" : where;
		for (Entry e : entries.values()) {
			if (!EXEMPTION_KEYS.contains(e.name())) {
				nodes.report(e.key(), label + ": unknown key \"" + e.name() + "\"; allowed keys are "
						+ String.join(", ", EXEMPTION_KEYS));
			}
		}
		String repo = null;
		if (repoEntry == null) {
			nodes.report(item, where + ": \"repo\" is required (the name of the exempt repository)");
		}
		else {
			repo = repoName(repoEntry.value(), where + ": \"repo\" ");
		}
		String reason = reason(entries.get("reason"), item, label);
		LocalDate expires = expires(entries.get("expires"), label);
		return nodes.problemCount() > problemsBefore ? null : new Exemption(repo, reason, expires);
	}

	private String reason(Entry entry, Node item, String where) {
		if (entry != null && !(entry.value() instanceof ScalarNode)) {
			nodes.report(entry.value(), where + ": \"reason\" must be text, not " + PolicyNodes.describe(entry.value()));
			return null;
		}
		String reason = entry == null ? null : PolicyNodes.text(entry.value());
		if (reason == null || reason.isEmpty()) {
			nodes.report(entry == null ? item : entry.key(), where + ": \"reason\" is required and must not be blank");
		}
		return reason;
	}

	private LocalDate expires(Entry entry, String where) {
		if (entry == null) {
			return null;
		}
		String text = PolicyNodes.text(entry.value());
		if (text != null && DATE.matcher(text).matches()) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				// Falls through to the message below: the shape is right but the day does not exist.
			}
		}
		nodes.report(entry.value(), where + ": \"expires\" must be a date written YYYY-MM-DD (leave it out for "
				+ "no expiry), not " + PolicyNodes.describe(entry.value()));
		return null;
	}

	private Integer maxLagReleases(Entry entry) {
		if (entry == null) {
			return null;
		}
		Node node = entry.value();
		Integer releases = wholeNumber(node);
		if (releases != null) {
			return releases;
		}
		String quoted = node instanceof ScalarNode scalar && !scalar.isPlain() ? " (quoted, so it is text)" : "";
		nodes.report(node, "max-lag-releases: must be a whole number of releases, 0 or more (leave it out for "
				+ "no limit), not " + PolicyNodes.describe(node) + quoted);
		return null;
	}

	/** A plain whole number, 0 or more; {@code null} for anything else. */
	private static Integer wholeNumber(Node node) {
		String text = PolicyNodes.text(node);
		// The tag check rejects "10" in quotes: a number written as text is probably a templating slip.
		return (text != null && Tag.INT.equals(node.getTag()) && DIGITS.matcher(text).matches()) ? Integer.valueOf(text)
				: null;
	}

	private Set<FindingCode> failOn(Entry entry) {
		Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
		List<Node> items = list(entry, "a list of finding codes such as [unlisted-pinned]");
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			String text = PolicyNodes.text(item);
			FindingCode code = text == null ? null : FindingCode.fromId(text).orElse(null);
			if (code == null) {
				String valid = Arrays.stream(FindingCode.values()).map(FindingCode::id).collect(Collectors.joining(", "));
				nodes.report(item, "fail-on[" + i + "]: unknown finding code " + PolicyNodes.describe(item)
						+ "; valid codes are " + valid);
			}
			else {
				codes.add(code);
			}
		}
		return codes;
	}

	/** The {@code propose} block: every key optional; each problem is noted and the default kept. */
	private Policy.Propose propose(Entry entry) {
		if (entry == null || PolicyNodes.isNull(entry.value())) {
			return Policy.Propose.DEFAULTS;
		}
		if (!(entry.value() instanceof MappingNode mapping)) {
			nodes.report(entry.value(), "propose: must be a mapping with the keys " + String.join(", ", PROPOSE_KEYS)
					+ ", not " + PolicyNodes.describe(entry.value()));
			return Policy.Propose.DEFAULTS;
		}
		Map<String, Entry> entries = nodes.entries(mapping, "propose: ");
		for (Entry e : entries.values()) {
			if (!PROPOSE_KEYS.contains(e.name())) {
				nodes.report(e.key(), "propose: unknown key \"" + e.name() + "\"; allowed keys are "
						+ String.join(", ", PROPOSE_KEYS));
			}
		}
		int maxStep = Policy.Propose.DEFAULTS.maxStep();
		Entry step = entries.get("max-step");
		if (step != null) {
			Integer steps = wholeNumber(step.value());
			if (steps != null && steps >= 1) {
				maxStep = steps;
			}
			else {
				nodes.report(step.value(), "propose.max-step: must be a whole number of releases, 1 or more, not "
						+ PolicyNodes.describe(step.value()));
			}
		}
		List<String> labels = new ArrayList<>();
		for (Node label : list(entries.get("labels"), "a list of label names")) {
			String text = PolicyNodes.text(label);
			if (text == null || text.isBlank() || !(label instanceof ScalarNode)) {
				nodes.report(label, "propose.labels: must be label names, not " + PolicyNodes.describe(label));
			}
			else {
				labels.add(text);
			}
		}
		List<String> exclude = new ArrayList<>();
		List<Node> excluded = list(entries.get("exclude"), "a list of repository names");
		for (int i = 0; i < excluded.size(); i++) {
			String name = repoName(excluded.get(i), "propose.exclude[" + i + "]: ");
			if (name != null) {
				exclude.add(name);
			}
		}
		return new Policy.Propose(maxStep, labels, exclude);
	}

	/** Vendored paths, plain and relative as in a lock, each once. */
	private List<String> contractsRequired(Entry entry) {
		List<String> paths = new ArrayList<>();
		List<Node> items = list(entry, "a list of vendored paths such as [contracts/provider_registry.py]");
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			String path = PolicyNodes.text(item);
			if (path == null || !CONTRACT_PATH.matcher(path).matches() || path.contains("//")
					|| Arrays.stream(path.split("/")).anyMatch((segment) -> segment.equals(".") || segment.equals("..")
							|| segment.equals(".git"))) {
				nodes.report(item, "contracts-required[" + i + "]: must be a plain relative path in the repository "
						+ "such as contracts/provider_registry.py, not " + PolicyNodes.describe(item));
			}
			else if (paths.contains(path)) {
				nodes.report(item, "contracts-required[" + i + "]: \"" + path + "\" is listed twice; keep only one");
			}
			else {
				paths.add(path);
			}
		}
		return paths;
	}

	/** The items of a list section; an absent or empty value is an empty list, as after commenting out every item. */
	private List<Node> list(Entry entry, String expected) {
		if (entry == null || PolicyNodes.isNull(entry.value())) {
			return List.of();
		}
		if (!(entry.value() instanceof SequenceNode sequence)) {
			nodes.report(entry.value(), entry.name() + ": must be " + expected + ", not "
					+ PolicyNodes.describe(entry.value()));
			return List.of();
		}
		return sequence.getValue();
	}

	/** The name, or {@code null} when it is not a plausible repository name (a problem is noted). */
	private String repoName(Node node, String where) {
		String name = PolicyNodes.text(node);
		if (name == null || name.isEmpty()) {
			nodes.report(node, where + "must be a repository name, not " + PolicyNodes.describe(node));
			return null;
		}
		if (!REPO_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
			nodes.report(node, where + "must be " + REPO_NAME_RULE + ", not " + PolicyNodes.describe(node));
			return null;
		}
		return name;
	}

	private static String key(String repo) {
		return repo.toLowerCase(Locale.ROOT);
	}

	/** Points at another mention of a repository, noting a difference in case since forges ignore case. */
	private static String mention(String label, Node other, String written, String name) {
		String asWritten = written.equals(name) ? ""
				: " as \"" + written + "\"; repository names are not case-sensitive";
		return "(" + label + " line " + PolicyNodes.line(other) + asWritten + ")";
	}
}
