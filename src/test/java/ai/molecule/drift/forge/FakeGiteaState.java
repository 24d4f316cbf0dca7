package ai.molecule.drift.forge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a {@link FakeGitea} serves; every field is read and written with {@link #lock} held. */
final class FakeGiteaState {

	final Object lock = new Object();

	/** Organisations by lower-case name (Gitea names are case-insensitive), repositories likewise, in id order. */
	final Map<String, Map<String, FakeGiteaRepo>> orgs = new LinkedHashMap<>();

	String token;

	boolean batchFileContents = true;

	String version = "1.24.6";

	int pageSize = 50;

	long maxBlobSize = 10L * 1024 * 1024;

	URI linkBase;

	boolean wrapBase64;

	long nextId = 1;

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
