package ai.molecule.drift.forge;

import java.util.List;

import ai.molecule.drift.forge.RepoFiles.TreeEntry;

/**
 * A repository's root listing as GitHub's REST {@code contents} API answers it. GitHub documents that
 * a directory listing gives a submodule the type {@code "file"} ("for backwards compatibility"); it is
 * told from a file by what GitHub gives only files: a {@code download_url} (null for a submodule) and a
 * {@code git_url} to a blob (a submodule's, when not null, points at {@code /git/trees/}). Without this a
 * runtime vendored as a submodule would pass for a file named {@code workspace}.
 */
final class GitHubRootListing {

	private GitHubRootListing() {
	}

	static List<TreeEntry> entries(ForgeHttpClient http, ForgeResponse response) {
		return RootListing.entries(http, response.uri(), http.json(response), "", GitHubRootListing::type);
	}

	/** The entry's type as GitHub means it: {@code "submodule"} for a submodule listed as a file. */
	static String type(RootListing.Entry entry) {
		boolean submodule = "file".equals(entry.type()) && (entry.downloadUrl() == null
				|| (entry.gitUrl() != null && entry.gitUrl().contains("/git/trees/")));
		return submodule ? "submodule" : entry.type();
	}
}
