package ai.molecule.drift.forge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One repository of a {@link HostileGitea}: the truth (its files and directories), and the lies each
 * endpoint tells about it on top of that truth. The root listing, the batch read, the single read and
 * the raw read are scripted apart, so that a test can make any two of them disagree.
 */
public final class HostileRepo {

	/** What a batch or single read answers for one path, whatever the truth. */
	public enum Answer {
		/** 404 for a single read, {@code null} in a batch. */
		NOTHING,
		/** A directory: an array for a single read, an entry of type {@code dir} in a batch. */
		DIRECTORY,
		/** The file as it is (or, for a path that is no file, an empty file). */
		FILE
	}

	final String name;

	boolean archived;

	boolean empty;

	final Map<String, String> files = new TreeMap<>();

	final Set<String> dirs = new TreeSet<>();

	/** The listing's own claims, replacing the truth for a name: a type, or {@code null} to leave it out. */
	final Map<String, String> listedAs = new HashMap<>();

	/** Entries the listing adds after the others, for names listed twice. */
	final List<Map<String, Object>> listedAlso = new ArrayList<>();

	final Map<String, Answer> batch = new HashMap<>();

	final Map<String, Answer> single = new HashMap<>();

	final Set<String> rawMissing = new TreeSet<>();

	final Set<String> noInlineContent = new TreeSet<>();

	final Map<String, Long> claimedSizes = new HashMap<>();

	boolean batchAnswersNothing;

	HostileRepo(String name) {
		this.name = name;
	}

	public HostileRepo file(String path, String text) {
		files.put(path, text);
		return this;
	}

	public HostileRepo dir(String path) {
		dirs.add(path);
		return this;
	}

	public HostileRepo archived() {
		archived = true;
		return this;
	}

	/** The org listing says {@code empty: true}, whatever the files. */
	public HostileRepo claimsEmpty() {
		empty = true;
		return this;
	}

	/** The root listing calls {@code path} a {@code type} ({@code "file"}, {@code "dir"}), whatever it is. */
	public HostileRepo listedAs(String path, String type) {
		listedAs.put(path, type);
		return this;
	}

	/** The root listing names {@code path} once more, as a {@code type}. */
	public HostileRepo listedAlsoAs(String path, String type) {
		listedAlso.add(Map.of("name", path, "path", path, "type", type, "size", 0));
		return this;
	}

	public HostileRepo batchAnswers(String path, Answer answer) {
		batch.put(path, answer);
		return this;
	}

	/** The batch endpoint answers an empty array: no entry at all for any path. */
	public HostileRepo batchAnswersNothing() {
		batchAnswersNothing = true;
		return this;
	}

	public HostileRepo singleAnswers(String path, Answer answer) {
		single.put(path, answer);
		return this;
	}

	/** Contents entries of {@code path} carry no inline content, so that it must be read raw. */
	public HostileRepo noInlineContent(String path) {
		noInlineContent.add(path);
		return this;
	}

	public HostileRepo rawMissing(String path) {
		rawMissing.add(path);
		return this;
	}

	/** Contents entries of {@code path} claim this size, whatever the bytes sent. */
	public HostileRepo claimsSize(String path, long size) {
		claimedSizes.put(path, size);
		return this;
	}

	/** The root listing: the truth, then the listing's own claims. */
	List<Map<String, Object>> listing() {
		Map<String, String> types = new TreeMap<>();
		files.keySet().forEach((path) -> types.put(path, "file"));
		dirs.forEach((path) -> types.put(path, "dir"));
		listedAs.forEach((path, type) -> {
			if (type == null) {
				types.remove(path);
			}
			else {
				types.put(path, type);
			}
		});
		List<Map<String, Object>> listing = new ArrayList<>();
		types.forEach((path, type) -> listing.add(Map.of("name", path, "path", path, "type", type, "size",
				type.equals("file") ? bytes(path).length : 0)));
		listing.addAll(listedAlso);
		return listing;
	}

	/** What a read of {@code path} answers when no lie is scripted for it. */
	Answer truth(String path) {
		return files.containsKey(path) ? Answer.FILE : dirs.contains(path) ? Answer.DIRECTORY : Answer.NOTHING;
	}

	/** A contents entry for a file, with base64 content unless scripted otherwise. */
	Map<String, Object> fileEntry(String path) {
		byte[] bytes = bytes(path);
		boolean inline = !noInlineContent.contains(path);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", path);
		entry.put("path", path);
		entry.put("type", "file");
		entry.put("size", claimedSizes.getOrDefault(path, (long) bytes.length));
		entry.put("encoding", inline ? "base64" : null);
		entry.put("content", inline ? Base64.getEncoder().encodeToString(bytes) : null);
		return entry;
	}

	static Map<String, Object> dirEntry(String path) {
		return Map.of("name", path, "path", path, "type", "dir", "size", 0);
	}

	byte[] bytes(String path) {
		return files.getOrDefault(path, "").getBytes(StandardCharsets.UTF_8);
	}
}
