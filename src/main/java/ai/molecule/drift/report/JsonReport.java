package ai.molecule.drift.report;

import java.util.Map;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.Ssot;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.ContractCheck;
import ai.molecule.drift.model.ContractSummary;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.Proposal;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code drift-report.json} exactly as the contract spells it; an explicit tree keeps the field
 * names, their order and the explicit nulls independent of any mapper configuration.
 */
final class JsonReport {

	static final int SCHEMA_VERSION = 1;

	private final JsonMapper mapper = JsonMapper.builder().build();

	// Two-space indentation and "\n" on every platform, so the file diffs cleanly from run to run.
	private final ObjectWriter writer = mapper.writer()
		.with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator(""))
			.withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n")));

	String write(RunReport report) {
		return writer.writeValueAsString(tree(report)) + "\n";
	}

	ObjectNode tree(RunReport report) {
		ObjectNode root = mapper.createObjectNode();
		root.put("schemaVersion", SCHEMA_VERSION);
		root.put("runId", report.runId());
		root.put("startedAt", ReportView.iso(report.startedAt()));
		root.put("finishedAt", ReportView.iso(report.finishedAt()));
		root.put("status", report.status().id());
		root.put("exitCode", report.exitCode());
		forge(root.putObject("forge"), report.forge());
		ssot(root.putObject("ssot"), report.ssot());
		counts(root.putObject("counts"), report.counts());
		ArrayNode repos = root.putArray("repos");
		report.repos().forEach(repo -> repo(repos.addObject(), repo, report.proposal(repo.name()).orElse(null)));
		ArrayNode contracts = root.putArray("contracts");
		report.contracts().forEach(summary -> contractSummary(contracts.addObject(), summary));
		// Not in the contract's example: added so a script can say why without parsing HTML.
		ArrayNode reasons = root.putArray("reasons");
		report.reasons().forEach(reasons::add);
		return root;
	}

	private static void forge(ObjectNode node, ForgeInfo forge) {
		node.put("type", forge == null ? null : forge.type());
		node.put("baseUrl", forge == null ? null : forge.baseUrl());
		node.put("org", forge == null ? null : forge.org());
		node.put("repoPrefix", forge == null ? null : forge.repoPrefix());
	}

	private static void ssot(ObjectNode node, Ssot ssot) {
		boolean resolved = ssot != null && ssot.resolved();
		node.put("resolved", resolved);
		node.put("version", resolved ? ssot.version().toString() : null);
		node.put("source", resolved && ssot.source() != null ? ssot.source().id() : null);
		node.put("tag", resolved ? ssot.tag() : null);
		node.put("publishedAt", resolved ? ReportView.iso(ssot.publishedAt()) : null);
		if (ssot != null && ssot.problem() != null) {
			node.put("problem", ssot.problem());
		}
	}

	private static void counts(ObjectNode node, Map<Classification, Integer> counts) {
		// Contract order: enumerated, exempt, unlisted-pinned, clean; then "unknown", always present.
		counts.forEach((classification, count) -> node.put(classification.id(), count));
	}

	private static void repo(ObjectNode node, RepoResult repo, Proposal proposal) {
		node.put("name", repo.name());
		node.put("classification", repo.classification().id());
		node.put("archived", repo.archived());
		node.put("pin", repo.pin());
		lag(node, repo.lag());
		ArrayNode findings = node.putArray("findings");
		repo.findings().forEach(finding -> finding(findings.addObject(), finding));
		ArrayNode contracts = node.putArray("contracts");
		repo.contracts().forEach(check -> contract(contracts.addObject(), check));
		proposal(node, proposal);
	}

	private static void proposal(ObjectNode repo, Proposal proposal) {
		if (proposal == null) {
			repo.putNull("proposal");
			return;
		}
		ObjectNode node = repo.putObject("proposal");
		node.put("target", proposal.target());
		node.put("stage", proposal.stage());
		node.put("stages", proposal.stages());
		node.put("branch", proposal.branch());
		node.put("number", proposal.number());
		node.put("url", proposal.url());
		node.put("state", proposal.state().id());
		node.put("openedAt", ReportView.iso(proposal.openedAt()));
		if (proposal.reason() != null) {
			// Not in the contract's list: why a proposal failed or was declined, for a script to say.
			node.put("reason", proposal.reason());
		}
	}

	private static void contract(ObjectNode node, ContractCheck check) {
		node.put("path", check.path());
		node.put("source", check.source());
		node.put("sourcePath", check.sourcePath());
		node.put("ref", check.ref());
		node.put("lockSha256", check.lockSha256());
		node.put("vendoredSha256", check.vendoredSha256());
		node.put("upstreamSha256", check.upstreamSha256());
		node.put("state", check.state().id());
	}

	private static void contractSummary(ObjectNode node, ContractSummary summary) {
		node.put("source", summary.source());
		node.put("sourcePath", summary.sourcePath());
		node.put("ref", summary.ref());
		node.put("upstreamSha256", summary.upstreamSha256());
		node.put("adopters", summary.adopters());
		node.put("inSync", summary.inSync());
		node.put("drifted", summary.drifted());
		node.put("lockMismatch", summary.lockMismatch());
		ArrayNode notAdopted = node.putArray("notAdopted");
		summary.notAdopted().forEach(notAdopted::add);
	}

	private static void lag(ObjectNode repo, Lag lag) {
		if (lag == null) {
			repo.putNull("lag");
			return;
		}
		ObjectNode node = repo.putObject("lag");
		node.put("releases", lag.releases());
		node.put("days", lag.days());
		node.put("level", lag.level().id());
	}

	private static void finding(ObjectNode node, Finding finding) {
		node.put("code", finding.code().id());
		node.put("severity", finding.severity().id());
		node.put("message", finding.message());
	}
}
