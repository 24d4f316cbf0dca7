package ai.molecule.drift.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import ai.molecule.drift.contract.FileFact;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.forge.FakeGiteaRepo;

/**
 * A benchmark organisation on a fake Gitea: N templates (a third pinned, a few exempt, the rest
 * clean), a runtime with 150 releases, and a fixed latency added to every API request.
 */
final class BenchOrg {

	static final String ORG = "molecule-ai";

	static final String T = "molecule-ai-workspace-template-";

	static final int RELEASES = 150;

	static final int EXEMPT = 5;

	static final String REGISTRY = "contracts/provider_registry.py";

	private BenchOrg() {
	}

	static FakeGitea serve(int repos, Duration latency, boolean batchFileContents, Path policyFile) throws IOException {
		return serve(repos, latency, batchFileContents, policyFile, false);
	}

	/**
	 * @param contracts whether every consumer (a third of the templates) vendors the control plane's registry
	 *     with a lock, in sync, and the policy requires it
	 */
	static FakeGitea serve(int repos, Duration latency, boolean batchFileContents, Path policyFile, boolean contracts)
			throws IOException {
		FakeGitea gitea = FakeGitea.start().batchFileContents(batchFileContents);
		String registry = "PROVIDERS = " + "['provider', ".repeat(200) + "]\n";
		gitea.repo(ORG, "molecule-controlplane").file(REGISTRY, registry);
		Instant ssotDate = Instant.parse("2026-06-10T12:00:00Z");
		gitea.repo(ORG, "molecule-ai-workspace-runtime").file("pyproject.toml", "[project]\nversion = \"1.0.0\"\n");
		for (int i = 0; i < RELEASES; i++) {
			String tag = "runtime-v1." + (i / 50) + "." + (i % 50);
			Instant date = ssotDate.minus((RELEASES - 1L - i) * 2, ChronoUnit.DAYS);
			gitea.tag(ORG, "molecule-ai-workspace-runtime", tag, date);
			gitea.release(ORG, "molecule-ai-workspace-runtime", tag, date, false, false);
		}
		StringBuilder consumers = new StringBuilder("consumers:\n");
		StringBuilder exempt = new StringBuilder("exempt:\n");
		for (int i = 0; i < repos; i++) {
			String name = T + "bench-" + i;
			FakeGiteaRepo repo = gitea.repo(ORG, name).file("README.md", "template " + i).dir("src");
			if (i < EXEMPT) {
				exempt.append("  - repo: ").append(name).append("\n    reason: benchmark exemption\n");
			}
			else if (i % 3 == 0) {
				String pin = "1." + ((i / 50) % 3) + "." + (i % 50);
				repo.file(".runtime-version", pin + "\n")
					.file("Dockerfile", "FROM python:3.12\nARG RUNTIME_VERSION=" + pin + "\n")
					.file("requirements.txt", "molecule-ai-workspace-runtime==" + pin + "\n");
				consumers.append("  - ").append(name).append('\n');
				if (contracts) {
					repo.file(REGISTRY, registry).file("contracts/contracts.lock", "contracts:\n  - path: " + REGISTRY
							+ "\n    sha256: " + FileFact.sha256(registry.getBytes(StandardCharsets.UTF_8))
							+ "\n    source: " + ORG + "/molecule-controlplane\n");
				}
			}
		}
		Files.writeString(policyFile, consumers.append(exempt).toString()
				+ (contracts ? "contracts-required: [" + REGISTRY + "]\n" : ""));
		gitea.delay("/api/v1/", latency, -1).freeze();
		return gitea;
	}
}
