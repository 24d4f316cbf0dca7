package ai.molecule.drift.forge;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** What a {@link FakeGitea} serves; every field is read and written with {@link #lock} held. */
final class FakeGiteaState {

	final Object lock = new Object();

	/** Organisations by lower-case name (Gitea names are case-insensitive), repositories likewise, in id order. */
	final Map<String, Map<String, FakeGiteaRepo>> orgs = new LinkedHashMap<>();

	String token;

	/** Whether the token may only read: writes of code and pull requests answer 403. */
	boolean readOnly;

	/** Commits made through the contents API. */
	int commits;

	boolean batchFileContents = true;

	/** Whether {@code contents-ext} exists (a newer Gitea than the first with {@code file-contents}, by my reading). */
	boolean contentsExt = true;

	/**
	 * Last-commit lookups Gitea would have made ({@code GetCommitByPath}, one per entry answered with
	 * commit metadata): what a listing costs the server beyond reading the tree.
	 */
	final AtomicLong commitLookups = new AtomicLong();

	String version = "1.24.6";

	int pageSize = 50;

	long maxBlobSize = 10L * 1024 * 1024;

	URI linkBase;

	boolean wrapBase64;

	long nextId = 1;

	/** Set by {@link FakeGitea#freeze()}: GET answers may be remembered. */
	boolean frozen;

	/** Issues and labels by lower-case {@code owner/repo}; an owner's own labels (Gitea's org labels) by lower-case owner. */
	final Map<String, FakeIssues> issues = new LinkedHashMap<>();

	final AtomicLong labelIds = new AtomicLong(100);

	/** {@code owner/repo:path} (lower-case owner and repo) that GitHub's GraphQL resolves to nothing, a lie. */
	final Set<String> graphqlHidden = new HashSet<>();

	FakeIssues issues(String owner, String repo) {
		return issues.computeIfAbsent(key(owner + "/" + (repo == null ? "" : repo)), (k) -> new FakeIssues(lock, labelIds));
	}

	/**
	 * {@code false} for anonymous callers, {@code null} for a wrong token (both forges answer 401),
	 * {@code true} for the token (any token when none is required). Call with {@link #lock} held.
	 */
	Boolean authenticated(String authorization) {
		if (authorization == null) {
			return false;
		}
		String[] parts = authorization.trim().split("\\s+", 2);
		boolean known = parts.length == 2
				&& (parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"));
		if (!known) {
			return null;
		}
		return (token == null || token.equals(parts[1])) ? Boolean.TRUE : null;
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	Map<String, FakeGiteaRepo> org(String name) {
		return orgs.get(key(name));
	}

	FakeGiteaRepo repo(String owner, String name) {
		Map<String, FakeGiteaRepo> repos = org(owner);
		return (repos != null) ? repos.get(key(name)) : null;
	}

	List<FakeGiteaRepo> repos(String owner) {
		Map<String, FakeGiteaRepo> repos = org(owner);
		return (repos != null) ? List.copyOf(repos.values()) : List.of();
	}
}
