package ai.molecule.drift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import ai.molecule.drift.classify.PinText;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoRef;

/**
 * A first policy for an organisation, read from its forge as a scan reads it: every template repository
 * (name starting with the prefix, as the scan matches it) that pins the runtime today is a consumer; the
 * others (no pin, archived) are named in a comment, so that a reviewer sees every decision.
 *
 * @param consumers templates that pin the runtime, with their pin
 * @param others the other templates, each with why it is not listed
 * @param unfit repositories whose name a policy cannot hold (left out, only counted)
 */
record StarterPolicy(List<Template> consumers, List<Template> others, int unfit) {

	/** The file a scan reads a repository's pin from. */
	static final String PIN_FILE = ".runtime-version";

	/** The names a policy accepts; anything else would also be unsafe in a comment. */
	private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	/**
	 * A template repository and what decided its place.
	 *
	 * @param name the repository
	 * @param note its pin, or why it is not a consumer
	 */
	record Template(String name, String note) {
	}

	/**
	 * Reads the organisation's templates and their pins.
	 *
	 * @throws ForgeException when the listing or a repository cannot be read: a guess would be a wrong policy
	 */
	static StarterPolicy read(Forge forge, String org, String prefix) {
		List<RepoRef> templates = new ArrayList<>();
		int unfit = 0;
		for (RepoRef repo : forge.listRepos(org)) {
			if (repo.name().regionMatches(true, 0, prefix, 0, prefix.length())) {
				if (REPO_NAME.matcher(repo.name()).matches()) {
					templates.add(repo);
				}
				else {
					unfit++;
				}
			}
		}
		forge.readAhead(templates, Set.of(PIN_FILE));
		List<Template> consumers = new ArrayList<>();
		List<Template> others = new ArrayList<>();
		for (RepoRef repo : templates) {
			PinText pin = PinText.of(forge.readFiles(repo, Set.of(PIN_FILE)).files().get(PIN_FILE));
			if (repo.archived()) {
				others.add(new Template(repo.name(), "archived" + (pin.present() ? ", pins " + pin.shown() : "")));
			}
			else if (pin.present()) {
				consumers.add(new Template(repo.name(), "pins " + pin.shown()));
			}
			else {
				others.add(new Template(repo.name(), "no " + PIN_FILE));
			}
		}
		return new StarterPolicy(consumers, others, unfit);
	}

	/** The policy as YAML, commented for its first review. */
	String yaml(String source) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# Starter policy written by \"policy init\" from ").append(source).append(".\n")
			.append("# Review it like code; \"policy check FILE\" checks it, drift-policy.example.yml explains the format.\n")
			.append("\n# The templates that pin the runtime today (").append(PIN_FILE).append("):\n");
		if (consumers.isEmpty()) {
			yaml.append("consumers: []\n");
		}
		else {
			yaml.append("consumers:\n");
			consumers.forEach((t) -> yaml.append("  - ").append(t.name()).append("   # ").append(t.note()).append('\n'));
		}
		if (!others.isEmpty() || unfit > 0) {
			yaml.append("\n# Not listed: templates without a pin stay clean, archived ones never fail a run.\n")
				.append("# A template that starts pinning while unlisted fails the run (unlisted-pinned).\n");
			others.forEach((t) -> yaml.append("#   ").append(t.name()).append("   (").append(t.note()).append(")\n"));
			if (unfit > 0) {
				yaml.append("#   and ").append(unfit).append(" repositories whose names a policy cannot hold\n");
			}
		}
		yaml.append("\n# Templates left out on purpose, each with a reason (and optionally expires: YYYY-MM-DD).\n")
			.append("exempt: []\n")
			.append("\n# Optional: a consumer more than this many releases behind gets lag-exceeded.\n")
			.append("# max-lag-releases: 10\n")
			.append("\nfail-on: [unlisted-pinned]\n");
		return yaml.toString();
	}
}
