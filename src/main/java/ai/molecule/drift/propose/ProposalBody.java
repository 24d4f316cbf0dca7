package ai.molecule.drift.propose;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import ai.molecule.drift.lag.Release;

/** The text of a proposal: what it takes in, what is left, and the tool's marker. */
final class ProposalBody {

	/** Starts every marker of the tool; the rest names the repository and the target. */
	static final String MARKER_PREFIX = "<!-- consumer-drift:bump ";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private ProposalBody() {
	}

	static String marker(String repo, BumpPlan plan) {
		return MARKER_PREFIX + "repo=" + repo + " target=" + plan.target() + " -->";
	}

	static String of(String repo, BumpPlan plan) {
		StringBuilder body = new StringBuilder("Bumps the runtime from ").append(plan.from()).append(" to ")
			.append(plan.target()).append(", taking in ").append(plan.takenIn().size())
			.append(plan.takenIn().size() == 1 ? " release" : " releases").append(":\n\n");
		for (Release release : plan.takenIn()) {
			body.append("- ").append(release.version());
			if (release.publishedAt() != null) {
				body.append(" (").append(DAY.format(release.publishedAt())).append(')');
			}
			body.append('\n');
		}
		body.append('\n');
		if (plan.lagAfter() == 0) {
			body.append("Once merged, the template is in sync with the runtime's latest release.\n");
		}
		else {
			body.append("Stage ").append(plan.stage()).append(" of ").append(plan.stages()).append(": once merged, the "
					+ "template is still ").append(plan.lagAfter()).append(" releases behind; the next stage is proposed "
					+ "on a later night.\n");
		}
		body.append("\nProposed by consumer-drift: it changes the pin lines only (.runtime-version, the Dockerfile's "
				+ "ARG RUNTIME_VERSION default, the requirements.txt pin).\n\n").append(marker(repo, plan)).append('\n');
		return body.toString();
	}
}
