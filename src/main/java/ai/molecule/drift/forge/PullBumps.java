package ai.molecule.drift.forge;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bump proposals as pull requests, the same steps on every forge that has them: the tool's pull requests of
 * the repository are read first, so that its open proposal for the target is kept (its body refreshed), one
 * that people closed is reported {@code declined} and never reopened, and a branch of that name that the
 * tool did not make (no marker in its head commit) is left alone; otherwise the branch with its one commit is made, then the pull request,
 * and the tool's open proposals for older targets are closed with a comment naming the new one. A write the
 * forge refuses is a {@code failed} result with the forge's reason. The subclasses make the requests.
 */
abstract class PullBumps implements BumpWriter {

	private final Clock clock;

	PullBumps(Clock clock) {
		this.clock = clock;
	}

	/** The repository's pull requests, open and closed. */
	protected abstract List<PullSummary> pulls(RepoRef repo);

	/**
	 * Every pull request of the repository, open and closed, all pages, as both forges list them: only the
	 * name of the page-size parameter differs ({@code per_page} on GitHub, {@code limit} on Gitea).
	 */
	static List<PullSummary> allPulls(ForgeUrls urls, ForgeHttpClient http, Paginator paginator, RepoRef repo,
			String pageSizeParameter, int pageSize) {
		return paginator
			.readAll((page) -> urls.api("repos", repo.owner(), repo.name(), "pulls").query("state", "all")
				.query(pageSizeParameter, pageSize).query("page", page).build(), PullPayloads.Pull.class,
					(pull) -> Long.toString(pull.number()),
					() -> http.failure("repository " + repo.fullName() + " not found (or not visible with the token)"))
			.stream()
			.map(PullPayloads.Pull::toSummary)
			.toList();
	}

	/** The message of the head commit of the repository's branch of that name; empty if it has none. */
	protected abstract Optional<String> branchHead(RepoRef repo, String branch);

	/** Creates the request's branch from the default branch's head with one commit changing its files. */
	protected abstract void commit(RepoRef repo, BumpRequest request);

	/** Opens the pull request of the request's branch into the default branch, with its labels. */
	protected abstract PullSummary open(RepoRef repo, BumpRequest request);

	/** Replaces a pull request's body. */
	protected abstract void editBody(RepoRef repo, long number, String body);

	/** Comments on a pull request, then closes it. */
	protected abstract void close(RepoRef repo, long number, String comment);

	/**
	 * Called before each request that creates content; a {@link NotReached} stops the proposal there.
	 * Nothing by default.
	 */
	protected void beforeWrite() {
	}

	/**
	 * Called before a new proposal's first write, with how many of the tool's older proposals it would close;
	 * a {@link NotReached} leaves it unmade rather than half made. Nothing by default.
	 */
	protected void beforeNewProposal(int toClose) {
	}

	@Override
	public BumpResult propose(RepoRef repo, BumpRequest request) {
		if (request.branch().equals(repo.defaultBranch()) || !request.branch().startsWith(request.branchPrefix())) {
			return BumpResult.failed("branch " + request.branch() + " is not a bump branch; the default branch is never "
					+ "written");
		}
		try {
			List<PullSummary> tools = pulls(repo).stream().filter((pull) -> pull.madeBy(request)).toList();
			Optional<PullSummary> same = tools.stream()
				.filter((pull) -> pull.proposes(request))
				// The open one if there is one, else the newest.
				.max(Comparator.comparing(PullSummary::open).thenComparing(PullSummary::number));
			if (same.isPresent()) {
				return existing(repo, request, same.get(), tools);
			}
			Optional<String> head = branchHead(repo, request.branch());
			if (head.isPresent() && !head.get().contains(request.marker())) {
				return BumpResult.failed("branch " + request.branch() + " exists and was not made by consumer-drift "
						+ "(neither its head commit nor a pull request of the tool says so); it is left alone");
			}
			beforeNewProposal((int) tools.stream().filter(PullSummary::open).count());
			if (head.isEmpty()) {
				beforeWrite();
				commit(repo, request);
			}
			// else: the tool's branch from a night whose pull request was not opened (refused, rate-limited).
			beforeWrite();
			PullSummary opened = open(repo, request);
			int superseded = supersede(repo, request, opened, tools);
			return new BumpResult("opened", Math.toIntExact(opened.number()), opened.url(),
					(opened.createdAt() != null) ? opened.createdAt() : clock.instant(), superseded, null);
		}
		catch (NotReached ex) {
			return BumpResult.failed(ex.getMessage());
		}
		catch (ForgeException ex) {
			return BumpResult.failed(ex.getMessage());
		}
	}

	private BumpResult existing(RepoRef repo, BumpRequest request, PullSummary pull, List<PullSummary> tools) {
		int number = Math.toIntExact(pull.number());
		if (!pull.open() && !pull.merged()) {
			return new BumpResult("declined", number, pull.url(), pull.createdAt(), 0,
					"pull request #" + number + " was closed without merging; it is not reopened");
		}
		String state = "unchanged";
		if (pull.open() && !pull.body().equals(request.body())) {
			beforeWrite();
			editBody(repo, pull.number(), request.body());
			state = "updated";
		}
		int superseded = pull.open() ? supersede(repo, request, pull, tools) : 0;
		return new BumpResult(state, number, pull.url(), pull.createdAt(), superseded, null);
	}

	/** Closes the tool's open proposals of other targets, naming the one that replaces them. */
	private int supersede(RepoRef repo, BumpRequest request, PullSummary current, List<PullSummary> tools) {
		int closed = 0;
		for (PullSummary older : tools) {
			if (older.open() && older.number() != current.number() && !older.head().equals(request.branch())) {
				beforeWrite();
				close(repo, older.number(), "Superseded by #" + current.number() + " (" + request.title() + "): "
						+ current.url() + "\n\nClosed by consumer-drift, which proposed the newer bump.");
				closed++;
			}
		}
		return closed;
	}

	/** A proposal the run stopped before, with the reason (a forge's limit on writes). */
	static final class NotReached extends RuntimeException {

		NotReached(String message) {
			super(message, null, false, false);
		}
	}
}
