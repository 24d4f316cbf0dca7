package ai.molecule.drift.forge;

import java.util.List;
import java.util.Locale;

/**
 * The issues of one forge, as far as publishing a report needs them. Labels travel as {@link Label}s,
 * with their id and name, because Gitea wants ids where GitHub wants names. Every failure is a
 * {@link ForgeException}: a listing that fails never comes back empty, so that "no issue yet" is never
 * guessed from an error.
 */
public interface IssueTracker {

	/** Every issue (no pull request) of the repository in this state, all pages read. */
	List<Issue> issues(String owner, String repo, State state);

	Issue create(String owner, String repo, String title, String body, List<Label> labels);

	/** Changes the body, the state, or both ({@code null} leaves either as it is). */
	Issue edit(String owner, String repo, long number, String body, State state);

	/** Adds labels to an issue, keeping those it has. */
	void addLabels(String owner, String repo, long number, List<Label> labels);

	/** Every comment of an issue, oldest first. */
	List<Comment> comments(String owner, String repo, long number);

	void comment(String owner, String repo, long number, String body);

	/** The labels an issue of the repository can carry (on Gitea its organisation's labels too). */
	List<Label> labels(String owner, String repo);

	Label createLabel(String owner, String repo, String name, String color);

	/** Issue states. */
	enum State {
		OPEN, CLOSED;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * One issue.
	 *
	 * @param number its number in the repository
	 * @param title its title
	 * @param body its body ({@code ""} when it has none)
	 * @param open whether it is open
	 * @param labels the names of its labels
	 * @param url its web address
	 */
	record Issue(long number, String title, String body, boolean open, List<String> labels, String url) {

		public Issue {
			body = (body == null) ? "" : body;
			labels = List.copyOf(labels);
		}
	}

	/**
	 * One comment.
	 *
	 * @param id its id
	 * @param body its text
	 */
	record Comment(long id, String body) {
	}

	/**
	 * A label.
	 *
	 * @param id its id (what Gitea wants)
	 * @param name its name (what GitHub wants)
	 */
	record Label(long id, String name) {
	}
}
