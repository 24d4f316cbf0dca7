package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One repository of a {@link FakeGitea}, configured fluently:
 * {@code fake.repo("acme", "x").file(".runtime-version", "0.3.11\n").privateRepo()}.
 * Changes take effect at once, also while a scan is running; all methods are thread-safe.
 */
public final class FakeGiteaRepo {

	/** A tag as the fake serves it. */
	record Tag(String name, Instant date, String sha) {
	}

	/** A release as the fake serves it. */
	record Release(long id, String tagName, Instant publishedAt, boolean draft, boolean prerelease) {
	}

	private final Object lock;

	private final String owner;

	private final String name;

	private final long id;

	private String defaultBranch = "main";

	private boolean archived;

	private boolean privateRepo;

	private boolean empty;

	private final Map<String, byte[]> files = new TreeMap<>();

	private final Map<String, String> symlinks = new TreeMap<>();

	private final TreeSet<String> dirs = new TreeSet<>();

	private final TreeSet<String> submodules = new TreeSet<>();

	private final List<Tag> tags = new ArrayList<>();

	/** Branches other than the default one, each with its files (the fake keeps no history). */
	private final Map<String, Map<String, byte[]>> branches = new TreeMap<>();

	/** The message of each branch's head commit. */
	private final Map<String, String> heads = new TreeMap<>();

	private final List<Release> releases = new ArrayList<>();

	FakeGiteaRepo(Object lock, String owner, String name, long id) {
		this.lock = lock;
		this.owner = owner;
		this.name = name;
		this.id = id;
	}

	/** Adds or replaces a file; a path such as {@code workspace/main.py} also creates its directories. */
	public FakeGiteaRepo file(String path, String content) {
		return file(path, content.getBytes(StandardCharsets.UTF_8));
	}

	public FakeGiteaRepo file(String path, byte[] content) {
		synchronized (lock) {
			files.put(path, content.clone());
			empty = false;
		}
		return this;
	}

	/** Removes a file (or symlink) again. */
	public FakeGiteaRepo remove(String path) {
		synchronized (lock) {
			files.remove(path);
			symlinks.remove(path);
		}
		return this;
	}

	/** An (otherwise empty) directory at the root, such as {@code workspace}. */
	public FakeGiteaRepo dir(String dirName) {
		synchronized (lock) {
			dirs.add(dirName);
			empty = false;
		}
		return this;
	}

	/** A symbolic link at the root; Gitea serves its target as the blob's content. */
	public FakeGiteaRepo symlink(String path, String target) {
		synchronized (lock) {
			symlinks.put(path, target);
			empty = false;
		}
		return this;
	}

	public FakeGiteaRepo submodule(String path) {
		synchronized (lock) {
			submodules.add(path);
			empty = false;
		}
		return this;
	}

	public FakeGiteaRepo archived() {
		synchronized (lock) {
			archived = true;
		}
		return this;
	}

	/** Visible only to callers presenting the token (see {@link FakeGitea#requireToken(String)}). */
	public FakeGiteaRepo privateRepo() {
		synchronized (lock) {
			privateRepo = true;
		}
		return this;
	}

	/** No commits: {@code "empty": true}, and file endpoints answer 404 "repository is empty". */
	public FakeGiteaRepo empty() {
		synchronized (lock) {
			empty = true;
			files.clear();
			symlinks.clear();
			dirs.clear();
			submodules.clear();
		}
		return this;
	}

	public FakeGiteaRepo defaultBranch(String branch) {
		synchronized (lock) {
			defaultBranch = branch;
		}
		return this;
	}

	/** A tag whose {@code commit.created} is {@code date}. */
	public FakeGiteaRepo tag(String tagName, Instant date) {
		synchronized (lock) {
			tags.add(new Tag(tagName, date, sha(tagName)));
		}
		return this;
	}

	/** A release (its tag need not exist, as for a draft). Drafts are listed only to token holders. */
	public FakeGiteaRepo release(String tagName, Instant publishedAt, boolean draft, boolean prerelease) {
		synchronized (lock) {
			releases.add(new Release(releases.size() + 1, tagName, publishedAt, draft, prerelease));
		}
		return this;
	}

	/** A branch from the default branch's files, as a person would have pushed it. */
	public FakeGiteaRepo branch(String branchName) {
		synchronized (lock) {
			branches.put(branchName, new TreeMap<>(files));
			heads.put(branchName, "A change of my own");
		}
		return this;
	}

	/** The branches other than the default one. */
	public List<String> branchNames() {
		synchronized (lock) {
			return List.copyOf(branches.keySet());
		}
	}

	/** A file's bytes on a branch (the default one included); {@code null} if it has none there. */
	public byte[] fileOn(String branchName, String path) {
		synchronized (lock) {
			Map<String, byte[]> on = branchName.equals(defaultBranch) ? files : branches.get(branchName);
			byte[] bytes = (on == null) ? null : on.get(path);
			return (bytes == null) ? null : bytes.clone();
		}
	}

	String owner() {
		return owner;
	}

	String name() {
		return name;
	}

	long id() {
		return id;
	}

	// The accessors below are called by the server with the lock held.

	String defaultBranchName() {
		return defaultBranch;
	}

	boolean isArchived() {
		return archived;
	}

	boolean isPrivate() {
		return privateRepo;
	}

	boolean isEmpty() {
		return empty;
	}

	Map<String, byte[]> files() {
		return files;
	}

	Map<String, String> symlinks() {
		return symlinks;
	}

	TreeSet<String> dirs() {
		return dirs;
	}

	TreeSet<String> submodules() {
		return submodules;
	}

	Map<String, Map<String, byte[]>> branches() {
		return branches;
	}

	Map<String, String> heads() {
		return heads;
	}

	List<Tag> tags() {
		return tags;
	}

	List<Release> releases() {
		return releases;
	}

	/** Git's id of a blob: the SHA-1 of {@code blob <size>\0} and the bytes. */
	static String blobSha(byte[] content) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(sha1.digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha(String seed) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(seed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
