package ai.molecule.drift.forge;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.GitHubPayloads.Repo;
import ai.molecule.drift.lag.ReleaseTag;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Forge} over GitHub (github.com or Enterprise Server): REST for listings, releases and single
 * files; with a token, GraphQL for the files of up to 100 repositories per request and for dated tags.
 * <p>
 * The scan reads each repository's files from several threads through {@link #readFiles}; batching
 * those calls would couple the threads. Instead the scan announces the repositories it will read
 * ({@link #readAhead}), this forge reads them in batches right away and keeps each answer until its
 * {@link #readFiles} call takes it (once: nothing stale survives into another run). Repositories a
 * partial answer left out are read again in smaller batches; one the batches did not cover is read alone
 * when asked for, so that its error, if any, is its own. A rate limit is waited out and the same batch
 * sent again, never split: the run stops when the wait would be too long. Thread-safe.
 */
public final class GitHubForge implements Forge {

	private static final Logger log = LoggerFactory.getLogger(GitHubForge.class);

	private static final int PER_PAGE = 100;

	private final ForgeUrls urls;

	private final ForgeHttpClient http;

	private final Paginator paginator;

	private final GitHubRestFiles restFiles;

	private final GitHubGraphQlFiles graphqlFiles;

	private final GitHubReleases releases;

	private final boolean useGraphql;

	private final int batchSize;

	private final String host;

	private final GitHubGraphQl graphql;

	private final Sleeper sleeper;

	private final Map<String, RepoFiles> readAhead = new ConcurrentHashMap<>();

	/**
	 * @param settings {@code base-url} ({@code null} for github.com; an Enterprise Server root or its
	 *     {@code /api/v3}), token, timeouts and retry settings
	 * @param github GitHub's own settings: API version, GraphQL, rate-limit ceiling
	 * @param mapper reads GitHub's JSON
	 */
	public GitHubForge(DriftProperties.Forge settings, GitHubProperties github, JsonMapper mapper) {
		this(settings, github, mapper, Sleeper.real(), Clock.systemUTC());
	}

	GitHubForge(DriftProperties.Forge settings, GitHubProperties github, JsonMapper mapper, Sleeper sleeper,
			Clock clock) {
		this.urls = ForgeUrls.github(settings.baseUrl());
		URI api = urls.api().build();
		this.http = new ForgeHttpClient(api, settings, dialect(github, clock), mapper, sleeper);
		this.paginator = new Paginator(http, true);
		this.restFiles = new GitHubRestFiles(urls, http);
		this.graphql = new GitHubGraphQl(ForgeUrls.githubGraphql(settings.baseUrl()), http);
		this.sleeper = sleeper;
		this.graphqlFiles = new GitHubGraphQlFiles(graphql, restFiles);
		// GitHub's GraphQL API answers only authenticated callers.
		this.useGraphql = github.graphql() && http.hasToken();
		this.releases = new GitHubReleases(urls, http, paginator, graphql, useGraphql);
		this.batchSize = github.graphqlBatchSize();
		this.host = api.getHost() + ((api.getPort() != -1) ? ":" + api.getPort() : "");
	}

	static ForgeDialect dialect(GitHubProperties github, Clock clock) {
		return ForgeDialect.github(ForgeDialect.userAgent(), github.apiVersion(),
				new GitHubRateLimits(clock, github.maxRateLimitWait()), github.writeInterval());
	}

	/**
	 * Proposes bumps as pull requests (its token needs write access), within GitHub's documented secondary
	 * limits on content creation: 80 requests a minute, 500 an hour.
	 */
	public BumpWriter bumps(Clock clock) {
		return bumps(clock, new ContentPacer(80, 500, clock, sleeper));
	}

	BumpWriter bumps(Clock clock, ContentPacer pacer) {
		return new GitHubBumps(urls, http, graphql, pacer, clock);
	}

	@Override
	public List<RepoRef> listRepos(String org) {
		return paginator
			.readAll((page) -> urls.api("orgs", org, "repos")
				.query("type", "all")
				.query("per_page", PER_PAGE)
				.query("page", page)
				.build(), Repo.class, Repo::name,
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

	/**
	 * Reads the files of these repositories now, {@code graphql-batch-size} per GraphQL request, for
	 * {@link #readFiles} to hand out; forgets what an earlier call read. Without a token it does nothing
	 * (REST reads one repository at a time anyway), and a failed batch is only logged: its repositories
	 * are then read one by one. A rate limit longer than the job may wait is the exception.
	 *
	 * @throws RateLimitedException when GitHub keeps a batch rate-limited longer than allowed
	 */
	@Override
	public void readAhead(List<RepoRef> repos, Set<String> paths) {
		readAhead.clear();
		if (!useGraphql || repos.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		List<String> sorted = paths.stream().sorted().toList();
		for (int from = 0; from < repos.size(); from += batchSize) {
			List<RepoRef> batch = repos.subList(from, Math.min(repos.size(), from + batchSize));
			Map<String, List<RepoRef>> byOwner = new LinkedHashMap<>();
			batch.stream().filter((repo) -> !repo.empty()).forEach((repo) -> byOwner
				.computeIfAbsent(repo.owner(), (owner) -> new ArrayList<>()).add(repo));
			byOwner.forEach((owner, owned) -> readBatch(owner, owned, sorted));
		}
		log.info("Read {} of {} repositories ahead through GraphQL, {} per request ({} ms)", readAhead.size(),
				repos.size(), batchSize, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Reads one batch; the repositories GitHub left without an answer (an error of the whole query, such as
	 * a timeout or a resource limit, with the rest of {@code data} intact) are read again in smaller
	 * batches, down to one repository, so at most about twice as many requests as repositories.
	 */
	private void readBatch(String owner, List<RepoRef> repos, List<String> paths) {
		GitHubGraphQlFiles.Answer answer;
		try {
			answer = graphqlFiles.read(owner, repos, paths);
		}
		catch (RateLimitedException ex) {
			// Reading one by one would only add load while GitHub asks us to slow down: the run stops.
			throw ex;
		}
		catch (RuntimeException ex) {
			// Reading ahead never fails the scan: each repository is then read, and fails, on its own.
			log.warn("Reading {} repositories of {} in one GraphQL request failed, reading them one by one: {}",
					repos.size(), owner, (ex instanceof ForgeException) ? ex.getMessage() : ex.toString());
			return;
		}
		answer.files().forEach((name, files) -> readAhead.put(key(owner, name), files));
		answer.failures().forEach((name, why) -> log.debug("{}/{} not read ahead: {}", owner, name, why));
		List<RepoRef> missing = repos.stream().filter((repo) -> answer.missing().contains(repo.name())).toList();
		if (missing.isEmpty() || repos.size() == 1) {
			return;
		}
		int size = Math.min(missing.size(), Math.max(1, repos.size() / 2));
		log.info("GitHub answered {} of {} repositories of {} in part; reading the {} missing again, {} per request",
				repos.size() - missing.size(), repos.size(), owner, missing.size(), size);
		for (int from = 0; from < missing.size(); from += size) {
			readBatch(owner, missing.subList(from, Math.min(missing.size(), from + size)), paths);
		}
	}

	@Override
	public RepoFiles readFiles(RepoRef repo, Set<String> paths) {
		RepoFiles ready = readAhead.remove(key(repo.owner(), repo.name()));
		if (ready != null) {
			return ready;
		}
		if (!useGraphql) {
			return restFiles.read(repo, paths);
		}
		GitHubGraphQlFiles.Answer answer = graphqlFiles.read(repo.owner(), List.of(repo),
				paths.stream().sorted().toList());
		RepoFiles files = answer.files().get(repo.name());
		if (files == null) {
			// The reason quotes the forge's own error text: masked like any other.
			throw http.failure("reading " + repo.fullName() + ": " + answer.failures().get(repo.name()));
		}
		return files;
	}

	@Override
	public List<ReleaseTag> listReleaseTags(String org, String repo) {
		return releases.list(org, repo, () -> http.failure("runtime repository " + org + "/" + repo + " not found on "
				+ host + " (or not visible with the configured token)"));
	}

	/** One {@code contents} request per file: GitHub has no batched bytes read that keeps links apart. */
	@Override
	public Map<String, FileBytes> readBlobs(RepoRef repo, List<String> paths) {
		Map<String, FileBytes> files = new LinkedHashMap<>();
		try {
			for (String path : paths) {
				files.put(path, restFiles.blob(repo.owner(), repo.name(), repo.defaultBranch(), path));
			}
		}
		catch (ForgeException ex) {
			throw new ForgeException("reading " + repo.fullName() + ": " + ex.getMessage(), ex);
		}
		return files;
	}

	@Override
	public FileBytes readBlob(String org, String repo, String ref, String path) {
		return restFiles.blob(org, repo, ref, path);
	}

	@Override
	public Optional<String> readFile(String org, String repo, String path) {
		return restFiles.readOne(org, repo, null, path);
	}

	@Override
	public String toString() {
		return "GitHubForge[" + host + "]";
	}

	private static String key(String owner, String name) {
		return (owner + "/" + name).toLowerCase(Locale.ROOT);
	}
}
