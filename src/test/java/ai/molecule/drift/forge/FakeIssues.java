package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The issues, comments and labels of one repository of a {@link FakeGitea} or {@link FakeGitHub}:
 * plain data, which each fake serves in its own forge's shape. Read and changed with the fake's lock
 * held; tests read it through the fake's {@code issues(owner, repo)}.
 */
public final class FakeIssues {

	/** One issue (or pull request, which shares the numbering). */
	public static final class Issue {

		final long number;

		String title;

		String body;

		boolean open = true;

		final boolean pull;

		final List<String> labels = new ArrayList<>();

		final List<String> comments = new ArrayList<>();

		int edits;

		/** A pull request's head and base branch; {@code null} for an issue. */
		String head;

		String base;

		boolean merged;

		Issue(long number, String title, String body, boolean pull) {
			this.number = number;
			this.title = title;
			this.body = body;
			this.pull = pull;
		}

		public long number() {
			return number;
		}

		public String title() {
			return title;
		}

		public String body() {
			return body;
		}

		public boolean isOpen() {
			return open;
		}

		public List<String> labels() {
			return List.copyOf(labels);
		}

		public List<String> comments() {
			return List.copyOf(comments);
		}

		public String head() {
			return head;
		}

		public boolean isMerged() {
			return merged;
		}

		/** How many times it was edited through the API (a PATCH that changed anything). */
		public int edits() {
			return edits;
		}
	}

	/** A label: its numeric id (Gitea needs it), name and colour. */
	public record Label(long id, String name, String color) {
	}

	private final Object lock;

	final List<Issue> issues = new ArrayList<>();

	final Map<String, Label> labels = new LinkedHashMap<>();

	private final AtomicLong labelIds;

	FakeIssues(Object lock, AtomicLong labelIds) {
		this.lock = lock;
		this.labelIds = labelIds;
	}

	/** Adds an issue, open, as a person would have opened it. */
	public Issue add(String title, String body) {
		synchronized (lock) {
			Issue issue = new Issue(issues.size() + 1, title, body, false);
			issues.add(issue);
			return issue;
		}
	}

	/** Adds a pull request, whose body may even carry our marker: it must never be taken for the issue. */
	public Issue addPull(String title, String body) {
		synchronized (lock) {
			Issue pull = new Issue(issues.size() + 1, title, body, true);
			issues.add(pull);
			return pull;
		}
	}

	/** Adds a pull request of {@code head} into {@code base}, as a person (or the tool, in an earlier run) opened it. */
	public Issue addPull(String title, String body, String head, String base) {
		synchronized (lock) {
			Issue pull = addPull(title, body);
			pull.head = head;
			pull.base = base;
			return pull;
		}
	}

	/** Merges a pull request (closing it); the fake does not move the base branch. */
	public FakeIssues merge(long number) {
		synchronized (lock) {
			Issue pull = issues.get((int) number - 1);
			pull.merged = true;
			pull.open = false;
		}
		return this;
	}

	/** The pull requests. */
	public List<Issue> pulls() {
		return all().stream().filter((issue) -> issue.pull).toList();
	}

	public FakeIssues close(long number) {
		synchronized (lock) {
			issues.get((int) number - 1).open = false;
		}
		return this;
	}

	public FakeIssues label(String name) {
		synchronized (lock) {
			addLabel(name, "ededed");
		}
		return this;
	}

	/** Every issue and pull request, in number order. */
	public List<Issue> all() {
		synchronized (lock) {
			return List.copyOf(issues);
		}
	}

	/** The issues (not pull requests). */
	public List<Issue> issues() {
		return all().stream().filter((issue) -> !issue.pull).toList();
	}

	public List<String> labelNames() {
		synchronized (lock) {
			return List.copyOf(labels.keySet());
		}
	}

	// Used by the fakes, with the lock held.

	Label addLabel(String name, String color) {
		Label label = new Label(labelIds.incrementAndGet(), name, color);
		labels.put(name.toLowerCase(Locale.ROOT), label);
		return label;
	}

	Optional<Label> labelNamed(String name) {
		return Optional.ofNullable(labels.get(name.toLowerCase(Locale.ROOT)));
	}

	Optional<Label> labelWithId(long id) {
		return labels.values().stream().filter((label) -> label.id() == id).findFirst();
	}

	Optional<Issue> issue(long number) {
		return (number >= 1 && number <= issues.size()) ? Optional.of(issues.get((int) number - 1)) : Optional.empty();
	}
}
