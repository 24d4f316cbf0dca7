package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.GiteaPayloads.Release;
import ai.molecule.drift.forge.GiteaPayloads.Repo;
import ai.molecule.drift.forge.GiteaPayloads.Tag;
import ai.molecule.drift.lag.ReleaseTag;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Forge} over Gitea's REST API v1 (Forgejo too): org listing, file reads (one batch
 * request per repository on Gitea 1.24+), and tags merged with releases. Thread-safe.
 */
public final class GiteaForge implements Forge {

	/** Gitea's default maximum page size; asking for more is silently clamped anyway. */
	private static final int PAGE_LIMIT = 50;

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Paginator paginator;

	private final GiteaFileReader files;

	private final String host;

	/**
	 * @param settings {@code base-url} (server root, a trailing {@code /api/v1} accepted), token,
	 *     timeouts and retry settings
	 * @param mapper reads Gitea's JSON
	 */
	public GiteaForge(DriftProperties.Forge settings, JsonMapper mapper) {
		this(settings, mapper, Sleeper.real());
	}

	GiteaForge(DriftProperties.Forge settings, JsonMapper mapper, Sleeper sleeper) {
		URI baseUrl = settings.baseUrl();
		this.urls = ForgeUrls.gitea(baseUrl);
		this.http = new ForgeHttpClient(baseUrl, settings, ForgeDialect.gitea(ForgeDialect.userAgent()), mapper, sleeper);
		this.paginator = new Paginator(http);
		this.files = new GiteaFileReader(urls, http);
		this.host = baseUrl.getHost() + ((baseUrl.getPort() != -1) ? ":" + baseUrl.getPort() : "");
	}

	@Override
	public List<RepoRef> listRepos(String org) {
		return paginator
			.readAll((page) -> urls.api("orgs", org, "repos").query("limit", PAGE_LIMIT).query("page", page).build(),
					Repo.class, Repo::name,
					() -> http.failure("organisation " + org + " not found on " + host
							+ " (or not visible with the configured token)"))
			.stream()
			.map((repo) -> repo.toRef(org))
			.toList();
	}

	@Override
	public Optional<RepoRef> findRepo(String org, String name) {
		URI uri = urls.api("repos", org, name).build();
		return http.getJson(uri).map((node) -> http.read(node, Repo.class, uri).toRef(org));
	}

	@Override
	public RepoFiles readFiles(RepoRef repo, Set<String> paths) {
		return files.read(repo, paths);
	}

	@Override
	public List<ReleaseTag> listReleaseTags(String org, String repo) {
		// Two independent listings: the releases are read on another thread while the tags are read here.
		CompletableFuture<List<ReleaseTags.ReleaseInfo>> releases = ConcurrentReads.start("forge-releases",
				() -> releases(org, repo));
		List<ReleaseTags.TagInfo> tags = paginator
			.readAll((page) -> list(org, repo, "tags", page), Tag.class, Tag::name, () -> runtimeNotFound(org, repo))
			.stream()
			.map((tag) -> new ReleaseTags.TagInfo(tag.name(), tag.date()))
			.toList();
		return ReleaseTags.merge(tags, ConcurrentReads.join(releases));
	}

	private List<ReleaseTags.ReleaseInfo> releases(String org, String repo) {
		return paginator
			.readAll((page) -> list(org, repo, "releases", page), Release.class, Release::tagName,
					() -> runtimeNotFound(org, repo))
			.stream()
			.map((release) -> new ReleaseTags.ReleaseInfo(release.tagName(), release.draft(), release.prerelease(),
					GiteaPayloads.instant(release.publishedAt())))
			.toList();
	}

	@Override
	public Optional<String> readFile(String org, String repo, String path) {
		return files.readOne(org, repo, null, path);
	}

	@Override
	public Map<String, FileBytes> readBlobs(RepoRef repo, List<String> paths) {
		try {
			return files.blobs().read(repo, paths);
		}
		catch (ForgeException ex) {
			throw new ForgeException("reading " + repo.fullName() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public FileBytes readBlob(String org, String repo, String ref, String path) {
		return files.blobs().read(org, repo, ref, path);
	}

	/** Proposes bumps as pull requests, through this forge's client (its token needs write access). */
	public BumpWriter bumps(Clock clock) {
		return new GiteaBumps(urls, http, clock);
	}

	@Override
	public String toString() {
		return "GiteaForge[" + host + "]";
	}

	private URI list(String org, String repo, String what, int page) {
		return urls.api("repos", org, repo, what).query("limit", PAGE_LIMIT).query("page", page).build();
	}

	private ForgeException runtimeNotFound(String org, String repo) {
		return http.failure("runtime repository " + org + "/" + repo + " not found on " + host
				+ " (or not visible with the configured token)");
	}
}
