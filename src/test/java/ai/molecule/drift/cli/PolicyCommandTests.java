package ai.molecule.drift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.molecule.drift.forge.FakeGitHub;
import ai.molecule.drift.forge.FakeGitea;
import ai.molecule.drift.policy.Policy;
import ai.molecule.drift.policy.PolicyLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code policy check FILE} validates a policy offline with every problem and its line; {@code policy init}
 * writes a starter policy from an organisation on a (fake) Gitea, read with the scan's settings.
 */
class PolicyCommandTests {

	private static final String ORG = "molecule-ai";

	private static final String PREFIX = "molecule-ai-workspace-template-";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		out.reset();
		err.reset();
		return Cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void checkAcceptsTheStarterPolicyAtTheTopOfTheProject() {
		assertThat(run("policy", "check", "drift-policy.example.yml")).isZero();
		assertThat(stdout()).isEqualTo("drift-policy.example.yml: a sound policy: 3 consumers, 1 exemptions.\n");
	}

	@Test
	void checkPrintsEveryProblemWithItsFileAndLineAndExitsTwo() throws IOException {
		Path policy = Files.writeString(dir.resolve("drift-policy.yml"),
				"consumers:\n  - a\n  - org/b\nexempt:\n  - repo: c\nfail-on: [nope]\n");

		assertThat(run("policy", "check", policy.toString())).isEqualTo(2);

		assertThat(stderr().lines()).containsExactly(
				policy + ":3: consumers[1]: must be a bare repository name (letters, digits, '.', '_' and '-', at most "
						+ "100; no owner/ prefix, no spaces), not \"org/b\"",
				policy + ":5: exempt[0] (c): \"reason\" is required and must not be blank",
				policy + ":6: fail-on[0]: unknown finding code \"nope\"; valid codes are unlisted-pinned, pin-drift, "
						+ "lag-exceeded, missing-pin, missing-repo, stale-exemption, exemption-expired, invalid-pin, "
						+ "unknown-version, ahead-of-ssot, inconsistent-pin, vendored-runtime, contract-lock-mismatch, contract-drift, "
						+ "contract-source-missing, contract-invalid-lock, contract-not-adopted, unreadable");
		assertThat(stdout()).isEmpty();

		assertThat(run("policy", "check", dir.resolve("absent.yml").toString())).isEqualTo(2);
		assertThat(stderr()).startsWith("Policy file " + dir.resolve("absent.yml") + " does not exist");
		assertThat(run("policy", "check")).isEqualTo(2);
		assertThat(stderr()).contains("Missing required parameter: 'FILE'");
	}

	@Test
	void initListsThePinnedTemplatesAsConsumersAndNamesTheOthersInAComment() throws IOException {
		Path target = dir.resolve("drift-policy.yml");
		try (FakeGitea gitea = FakeGitea.start()) {
			gitea.repo(ORG, PREFIX + "langgraph").file(".runtime-version", "0.3.11\n");
			gitea.repo(ORG, PREFIX + "claude-code").file(".runtime-version", "0.3.27");
			gitea.repo(ORG, PREFIX + "starter").file("README.md", "no pin");
			gitea.repo(ORG, PREFIX + "autogpt").file(".runtime-version", "0.2.0").archived();
			gitea.repo(ORG, "molecule-ai-website").file(".runtime-version", "0.3.27");

			assertThat(init(gitea, "--output", target.toString())).as(stderr()).isZero();
		}

		assertThat(stdout()).startsWith("Wrote " + target + ": 2 consumers; 2 other templates named in a comment.");
		Policy policy = new PolicyLoader().load(target);
		assertThat(policy.consumers()).containsExactlyInAnyOrder(PREFIX + "langgraph", PREFIX + "claude-code");
		assertThat(policy.exemptions()).isEmpty();
		assertThat(target).content()
			.contains("  - " + PREFIX + "langgraph   # pins 0.3.11", "#   " + PREFIX + "starter   (no .runtime-version)",
					"#   " + PREFIX + "autogpt   (archived, pins 0.2.0)", "from organisation molecule-ai on gitea http://")
			.doesNotContain("molecule-ai-website");
	}

	@Test
	void initReadsAGitHubOrganisationThroughGraphQl() throws IOException {
		Path target = dir.resolve("drift-policy.yml");
		try (FakeGitHub github = FakeGitHub.start().requireToken("policy-init-t0ken")) {
			github.repo(ORG, PREFIX + "langgraph").file(".runtime-version", "0.3.11\n");
			github.repo(ORG, PREFIX + "starter").file("README.md", "no pin");

			int exit = run("policy", "init", "--drift.forge.type=github", "--drift.forge.base-url=" + github.baseUrl(),
					"--drift.forge.token=policy-init-t0ken", "--drift.org=" + ORG, "--output", target.toString());

			assertThat(exit).as(stderr()).isZero();
			assertThat(github.requests("POST /api/graphql")).isNotEmpty();
		}
		assertThat(new PolicyLoader().load(target).consumers()).containsExactly(PREFIX + "langgraph");
		assertThat(target).content().contains("#   " + PREFIX + "starter   (no .runtime-version)")
			.doesNotContain("policy-init-t0ken");
	}

	@Test
	void initNeverOverwritesAFileAndAsksNothingOfTheForgeThen() throws IOException {
		Path existing = Files.writeString(dir.resolve("drift-policy.yml"), "consumers: [mine]\n");
		try (FakeGitea gitea = FakeGitea.start()) {
			gitea.repo(ORG, PREFIX + "a").file(".runtime-version", "1.0.0");

			assertThat(init(gitea, "--drift.policy-file=" + existing)).isEqualTo(2);

			assertThat(gitea.requests()).isEmpty();
		}
		assertThat(stderr()).startsWith(existing + " exists already and is never overwritten");
		assertThat(existing).content().isEqualTo("consumers: [mine]\n");
	}

	@Test
	void initWritesNothingWhenARepositoryCannotBeRead() {
		Path target = dir.resolve("drift-policy.yml");
		try (FakeGitea gitea = FakeGitea.start()) {
			gitea.repo(ORG, PREFIX + "a").file(".runtime-version", "1.0.0");
			gitea.repo(ORG, PREFIX + "flaky").file(".runtime-version", "1.0.0");
			gitea.failAlways("/repos/" + ORG + "/" + PREFIX + "flaky/", 500);

			assertThat(init(gitea, "--output", target.toString())).isEqualTo(2);
		}
		assertThat(stderr()).startsWith("The organisation could not be read completely, so no policy was written:");
		assertThat(target).doesNotExist();
	}

	@Test
	void initWithoutABaseUrlSaysWhichSettingIsMissing() {
		assertThat(run("policy", "init", "--output", dir.resolve("p.yml").toString())).isEqualTo(2);
		assertThat(stderr()).contains("drift.forge.base-url (DRIFT_FORGE_BASE_URL) is required");
		assertThat(dir.resolve("p.yml")).doesNotExist();
	}

	private int init(FakeGitea gitea, String... args) {
		List<String> all = new ArrayList<>(List.of("policy", "init", "--drift.forge.type=gitea",
				"--drift.forge.base-url=" + gitea.baseUrl(), "--drift.forge.max-attempts=1", "--drift.org=" + ORG));
		all.addAll(List.of(args));
		return run(all.toArray(String[]::new));
	}
}
