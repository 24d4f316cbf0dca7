package ai.molecule.drift.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.forge.IssueTracker;
import ai.molecule.drift.forge.IssueTracker.Issue;
import ai.molecule.drift.forge.IssueTracker.Label;

/**
 * Turns the configured label names into the tracker's labels (with the ids Gitea needs), creating the
 * missing ones only when {@code drift.publish.create-labels} says so; otherwise they are left off with a
 * warning, since GitHub would silently create them and Gitea cannot apply them.
 */
final class IssueLabels {

	private static final Logger log = LoggerFactory.getLogger(IssueLabels.class);

	/** A quiet grey, for labels this tool creates. */
	static final String COLOR = "ededed";

	private final IssueTracker tracker;

	private final PublishProperties settings;

	IssueLabels(IssueTracker tracker, PublishProperties settings) {
		this.tracker = tracker;
		this.settings = settings;
	}

	/** The configured labels that exist or could be created; none asked for costs no request. */
	List<Label> resolve() {
		return resolve(settings.labels());
	}

	/** Adds the configured labels the issue lacks (a person may have removed one); nothing when it has them all. */
	void addMissing(Issue issue) {
		Set<String> present = issue.labels().stream().map(IssueLabels::key).collect(Collectors.toSet());
		List<String> missing = settings.labels().stream().filter((name) -> !present.contains(key(name))).toList();
		if (missing.isEmpty()) {
			return;
		}
		List<Label> labels = resolve(missing);
		if (!labels.isEmpty()) {
			tracker.addLabels(settings.owner(), settings.repo(), issue.number(), labels);
		}
	}

	private List<Label> resolve(List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, Label> existing = tracker.labels(settings.owner(), settings.repo())
			.stream()
			.collect(Collectors.toMap((label) -> key(label.name()), Function.identity(), (a, b) -> a));
		List<Label> labels = new ArrayList<>();
		List<String> absent = new ArrayList<>();
		for (String name : names) {
			Label label = existing.get(key(name));
			if (label != null) {
				labels.add(label);
			}
			else if (settings.createLabels()) {
				labels.add(tracker.createLabel(settings.owner(), settings.repo(), name, COLOR));
			}
			else {
				absent.add(name);
			}
		}
		if (!absent.isEmpty()) {
			log.warn("Label(s) {} do not exist in {} and are left off the issue; create them, or set "
					+ "drift.publish.create-labels=true", absent, settings.issueRepo());
		}
		return labels;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
