package ai.molecule.drift.forge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The one meaning of a symbolic link, whatever the forge or the path the read takes: a link means what
 * it leads to inside its own repository, as {@code cat} in a checkout would show (a file's text, a
 * directory), followed through chains. A link that leaves the repository, dangles or loops is unknown
 * (a {@link ForgeException}), never its own text: {@code Dockerfile -> docker/Dockerfile} must not read
 * as a Dockerfile saying {@code docker/Dockerfile}.
 */
final class RepoLinks {

	/** Longer chains are taken for loops; Linux gives up after 40, no template needs more than a few. */
	static final int MAX_HOPS = 8;

	/** How a forge reads one repository path, {@code hops} links deep. */
	interface Reader {

		PathRead read(String path, int hops);
	}

	private RepoLinks() {
	}

	/**
	 * What the link at {@code link} with the text {@code target} leads to, read with {@code reader}.
	 *
	 * @throws ForgeException when the link leaves the repository, dangles, or the chain is too long
	 */
	static PathRead follow(String link, String target, int hops, Reader reader) {
		if (hops >= MAX_HOPS) {
			throw unknown(link, target, "is one of a chain of more than " + MAX_HOPS + " links (a loop?)");
		}
		if (target == null) {
			throw unknown(link, null, "could not be read");
		}
		String resolved = resolve(link, target)
			.orElseThrow(() -> unknown(link, target, "leads out of the repository"));
		PathRead read = reader.read(resolved, hops + 1);
		if (read.kind() == PathRead.Kind.ABSENT) {
			throw unknown(link, target, "leads to nothing (" + read.answer() + ")");
		}
		return read;
	}

	/**
	 * The repository path a link at {@code link} with the text {@code target} names; empty when it
	 * leaves the repository (absolute, above the root) or names the root itself.
	 */
	static Optional<String> resolve(String link, String target) {
		if (target == null || target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0
				|| target.contains("\\")) {
			return Optional.empty();
		}
		Deque<String> segments = new ArrayDeque<>();
		int slash = link.lastIndexOf('/');
		if (slash > 0) {
			for (String segment : link.substring(0, slash).split("/")) {
				segments.addLast(segment);
			}
		}
		for (String segment : target.split("/")) {
			if (segment.equals("..")) {
				if (segments.pollLast() == null) {
					return Optional.empty();
				}
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.addLast(segment);
			}
		}
		return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
	}

	private static ForgeException unknown(String link, String target, String why) {
		// The link's text is repository content: keep it short and printable in messages.
		String shown = (target == null) ? "?" : target.replaceAll("\\p{Cntrl}", "?");
		shown = (shown.length() > 80) ? shown.substring(0, 80) + "…" : shown;
		return new ForgeException(link + " is a symbolic link to '" + shown + "' that " + why
				+ ", so its content is unknown");
	}
}
