package ai.molecule.drift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Writes the demo org's template repositories (plain folders), each showing one situation the scan
 * must recognise; {@code drift-policy.yml} of the demo says which is which.
 */
final class DemoTemplates {

	static final String RUNTIME_PACKAGE = "molecule-ai-workspace-runtime";

	/** When the demo's templates were committed: before every release the demo's policy measures. */
	private static final Instant TEMPLATES_CREATED = Instant.parse("2026-01-05T09:00:00Z");

	private final Path root;

	private final String prefix;

	DemoTemplates(Path root, String prefix) {
		this.root = root;
		this.prefix = prefix;
	}

	void create() throws IOException {
		DemoContracts contracts = new DemoContracts(root, DemoOrg.ORG);
		contracts.createControlPlane();
		consumer("claude-code", "0.3.27\n", "0.3.27", "0.3.27", "In sync with the runtime's latest release.");
		consumer("langgraph", "0.3.11\n", "0.3.11", "0.3.11", "Pinned 16 releases behind the runtime.");
		consumer("crewai", "0.3.1\r\n", "0.3.1", "0.3.1",
				"Pinned 26 releases behind, and still vendors a copy of the runtime package.")
			.file("molecule_runtime/__init__.py", "__version__ = \"0.3.1\"\n")
			.file("molecule_runtime/agent.py", "class Agent:\n    pass\n");
		consumer("autogen", "0.3.27\n", "0.3.11", "0.3.27",
				"Bumped to 0.3.27, but the Dockerfile default still says 0.3.11.");
		consumer("deepagents", "0.3.27 \n", "0.3.27", "0.3.27",
				"Carries a top-level workspace/ tree copied from the runtime.")
			.file("workspace/__init__.py", "# Copied from molecule-ai-workspace-runtime 0.3.9; do not edit.\n")
			.file("workspace/server.py", "def serve():\n    pass\n");
		template("hermes").file("Dockerfile", dockerfile(null))
			.file("requirements.txt", requirements(null))
			.file("README.md", readme("hermes", "A consumer whose .runtime-version was lost in a refactor."));
		consumer("codex", "latest\n", "latest", null, "Pins the text 'latest', which is no version.");
		consumer("google-adk", "0.2.5\n", "0.2.5", "0.2.5", "Pins 0.2.5, which the runtime never released.");
		consumer("gemini-cli", "0.4.0\n", "0.4.0", "0.4.0", "Pins 0.4.0, ahead of every published release.");
		folder("molecule-core", "0.3.25\n", "0.3.25", "0.3.25",
				"The platform; a consumer although its name is outside the template prefix.");
		template("seo-agent").file("template.yaml", "name: seo-agent\nkind: prompts\n")
			.file("prompts/system.md", "You are an SEO assistant.\n")
			.file("README.md", readme("seo-agent", "Prompts and configuration only: no image, no runtime."));
		consumer("browser-use", "0.3.20\n", "0.3.20", "0.3.20",
				"Exempt as experimental, yet it now pins the runtime.");
		consumer("smolagents", "0.3.24\n", "0.3.24", "0.3.24",
				"Exempt until 2025-12-31 while it migrated; the migration landed, the policy was not updated.");
		consumer("openhands", "0.3.27\n", "0.3.27", "0.3.27",
				"A new template that pins the runtime, missing from the policy.");
		template("starter").file("template.yaml", "name: starter\nkind: skeleton\n")
			.file("README.md", readme("starter", "A skeleton to copy; it installs nothing."));
		consumer("autogpt", "0.3.2\n", "0.3.2", "0.3.2", "Archived: superseded by openhands.")
			.file(".archived", "Archived on 2026-02-01; superseded by openhands.\n");
		// Every existing consumer vendors the control plane's registry but hermes, which has not adopted it.
		for (String name : new String[] { "claude-code", "crewai", "deepagents", "codex", "google-adk", "gemini-cli" }) {
			contracts.vendor(prefix + name, DemoContracts.Snapshot.IN_SYNC);
		}
		contracts.vendor("molecule-core", DemoContracts.Snapshot.IN_SYNC);
		contracts.vendor(prefix + "langgraph", DemoContracts.Snapshot.STALE);
		contracts.vendor(prefix + "autogen", DemoContracts.Snapshot.EDITED);
		commitEach();
		new Folder(root.resolve("molecule-ai-website")).file("README.md", readme("molecule-ai-website",
				"The public website; outside the template prefix and not listed, so never scanned."));
	}

	/**
	 * Makes each template folder a git repository with its files in one commit, so that bump proposals
	 * ({@code drift.propose.enabled}) have branches to be made on.
	 */
	private void commitEach() throws IOException {
		try (var folders = Files.list(root)) {
			for (Path dir : folders.filter(Files::isDirectory).sorted().toList()) {
				if (Files.exists(dir.resolve(".git"))) {
					continue;
				}
				try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
					DemoRuntimeRepo.isolateFromUserConfig(git);
					DemoRuntimeRepo.commit(git, "Create " + dir.getFileName(), TEMPLATES_CREATED);
				}
				catch (GitAPIException ex) {
					throw new IOException("cannot make the demo template " + dir + " a git repository: " + ex.getMessage(), ex);
				}
			}
		}
	}

	private Folder consumer(String name, String pinFile, String dockerArg, String requirementsPin, String about)
			throws IOException {
		return folder(prefix + name, pinFile, dockerArg, requirementsPin, about);
	}

	private Folder folder(String fullName, String pinFile, String dockerArg, String requirementsPin, String about)
			throws IOException {
		return new Folder(root.resolve(fullName)).file(".runtime-version", pinFile)
			.file("Dockerfile", dockerfile(dockerArg))
			.file("requirements.txt", requirements(requirementsPin))
			.file("README.md", readme(fullName, about));
	}

	private Folder template(String name) {
		return new Folder(root.resolve(prefix + name));
	}

	private static String dockerfile(String runtimeVersion) {
		String install = runtimeVersion == null ? RUNTIME_PACKAGE
				: RUNTIME_PACKAGE + "==${RUNTIME_VERSION}";
		return (runtimeVersion == null ? "FROM python:3.12-slim\n\n"
				: "FROM python:3.12-slim\n\nARG RUNTIME_VERSION=" + runtimeVersion + "\n")
				+ """
						WORKDIR /app
						COPY requirements.txt .
						RUN pip install --no-cache-dir %s \\
						    && pip install --no-cache-dir -r requirements.txt
						COPY . .
						CMD ["molecule-workspace", "serve"]
						""".formatted(install);
	}

	private static String requirements(String runtimeVersion) {
		return (runtimeVersion == null ? "" : RUNTIME_PACKAGE + "==" + runtimeVersion + "\n")
				+ "httpx==0.28.1\npydantic==2.11.4\n";
	}

	private static String readme(String name, String about) {
		return "# " + name + "\n\n" + about + "\n";
	}

	/** A folder being filled, one file at a time. */
	private record Folder(Path dir) {

		Folder file(String path, String content) throws IOException {
			Path file = dir.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
			return this;
		}
	}
}
