package ai.molecule.drift.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A repository's {@code contracts/contracts.lock}: its entries, each checked for what a scanner needs
 * before it may read anything. Paths stay inside the repository, and upstream files inside the scanned
 * organisation: a lock is repository content, so it must not steer a request elsewhere.
 *
 * @param entries in the lock's order; empty when the lock as a whole is unreadable
 * @param problem why the lock as a whole cannot be read; {@code null} when it can
 */
public record ContractLock(List<LockEntry> entries, String problem) {

	/** Where a repository locks its vendored files. */
	public static final String PATH = "contracts/contracts.lock";

	/** The folder whose presence at the root says a repository may have a lock. */
	public static final String FOLDER = "contracts";

	private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/-]{1,255}");

	public ContractLock {
		entries = List.copyOf(entries);
	}

	/** The paths the lock names, valid entries or not: a consumer that names a path has adopted it. */
	public Set<String> lockedPaths() {
		Set<String> paths = new HashSet<>();
		entries.forEach((entry) -> {
			if (entry.path() != null) {
				paths.add(entry.path());
			}
		});
		return paths;
	}

	/** The lock in {@code text}, its upstream files allowed only in {@code org}. */
	public static ContractLock parse(String text, String org) {
		LockYaml.Parsed parsed = LockYaml.parse(text);
		if (parsed.problem() != null) {
			return new ContractLock(List.of(), parsed.problem());
		}
		List<LockEntry> entries = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < parsed.entries().size(); i++) {
			LockEntry entry = entry(i, parsed.entries().get(i), org);
			if (entry.valid() && !seen.add(entry.path())) {
				entry = invalid(entry, "locks " + entry.path() + " a second time");
			}
			entries.add(entry);
		}
		return new ContractLock(entries, null);
	}

	private static LockEntry entry(int position, Map<String, String> fields, String org) {
		String path = fields.get("path");
		String sha256 = fields.get("sha256");
		String source = fields.get("source");
		String sourcePath = fields.getOrDefault("source-path", path);
		String ref = fields.get("ref");
		LockEntry entry = new LockEntry(position, path, (sha256 == null) ? null : sha256.toLowerCase(Locale.ROOT),
				source, sourcePath, ref, null);
		if (fields.containsKey(LockYaml.NOT_AN_ENTRY)) {
			return invalid(entry, fields.get(LockYaml.NOT_AN_ENTRY));
		}
		for (String required : List.of("path", "sha256", "source")) {
			if (fields.get(required) == null) {
				return invalid(entry, "has no \"" + required + "\"");
			}
		}
		String problem = pathProblem("path", path);
		if (problem == null) {
			problem = pathProblem("source-path", sourcePath);
		}
		if (problem == null && !SHA256.matcher(sha256).matches()) {
			problem = "has a sha256 that is not 64 hexadecimal characters";
		}
		if (problem == null) {
			problem = sourceProblem(source, org);
		}
		if (problem == null && ref != null && (!REF.matcher(ref).matches() || ref.contains("..")
				|| ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/") || ref.contains("//"))) {
			problem = "has a ref that is no plain branch, tag or commit name";
		}
		return (problem == null) ? entry : invalid(entry, problem);
	}

	/** A plain path inside a repository: relative, no {@code .} or {@code ..} segment, nothing of git's own. */
	static String pathProblem(String key, String path) {
		if (path.isEmpty() || path.length() > 1000 || path.startsWith("/") || path.contains("\\")
				|| path.chars().anyMatch(Character::isISOControl)) {
			return "has a " + key + " that is no relative path inside the repository";
		}
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equals(".git")) {
				return "has a " + key + " that is no plain relative path (empty, \".\", \"..\" or \".git\" segments)";
			}
		}
		return null;
	}

	private static String sourceProblem(String source, String org) {
		int slash = source.indexOf('/');
		if (slash < 0 || source.indexOf('/', slash + 1) >= 0 || !plainName(source.substring(0, slash))
				|| !plainName(source.substring(slash + 1))) {
			return "has a source that is not owner/name on this forge";
		}
		if (!source.substring(0, slash).equalsIgnoreCase(org)) {
			return "has a source in another organisation (" + source.substring(0, slash)
					+ "); upstream files are read only in " + org;
		}
		return null;
	}

	private static boolean plainName(String name) {
		return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
	}

	private static LockEntry invalid(LockEntry entry, String problem) {
		return new LockEntry(entry.position(), entry.path(), entry.sha256(), entry.source(), entry.sourcePath(),
				entry.ref(), problem);
	}
}
