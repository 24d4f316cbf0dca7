package ai.molecule.drift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The built-in demo org of {@code scan --demo}: an organisation folder for the local forge, with a
 * git runtime repository and templates showing every classification, and the policy that goes with it.
 * <p>
 * Nothing depends on the clock except one deliberately expired exemption (2025-12-31); lag days
 * come from the runtime's tag dates, which are fixed. The demo run fails (exit 1) on purpose: one
 * template pins the runtime without being listed.
 *
 * @param root the organisation folder, one sub-folder per repository (for {@code drift.forge.root})
 * @param policyFile the demo policy (for {@code drift.policy-file})
 * @param org the organisation name
 * @param repoPrefix the template prefix the demo's names use
 * @param ssotRepo the runtime repository
 * @param tagPrefix the runtime's release tag prefix
 * @param ssotVersion the SSOT the demo resolves to
 * @param ssotPublishedAt that release's date
 */
public record DemoOrg(Path root, Path policyFile, String org, String repoPrefix, String ssotRepo, String tagPrefix,
		String ssotVersion, Instant ssotPublishedAt) {

	public static final String ORG = "molecule-ai";

	public static final String REPO_PREFIX = "molecule-ai-workspace-template-";

	public static final String SSOT_REPO = "molecule-ai-workspace-runtime";

	public static final String TAG_PREFIX = "runtime-v";

	public static final String POLICY_FILE = "drift-policy.yml";

	/** The demo's own history, kept apart from the real one, so that "history --demo" can query its runs. */
	public static final String DATABASE_URL = "jdbc:h2:file:./data/consumer-drift-demo;DB_CLOSE_ON_EXIT=FALSE";

	/** The demo policy, kept as a YAML file so that its comments read as they will on disk. */
	private static final String POLICY_RESOURCE = "demo-policy.yml";

	/**
	 * Builds the demo in {@code dir} (created if needed): the org in {@code dir/molecule-ai}, which
	 * must not exist yet, and the policy in {@code dir/drift-policy.yml}.
	 *
	 * @throws IOException when a file cannot be written or the org folder already exists
	 */
	public static DemoOrg create(Path dir) throws IOException {
		Path root = Files.createDirectory(Files.createDirectories(dir).resolve(ORG));
		DemoRuntimeRepo.create(Files.createDirectory(root.resolve(SSOT_REPO)), TAG_PREFIX);
		new DemoTemplates(root, REPO_PREFIX).create();
		Path policyFile = writePolicy(dir.resolve(POLICY_FILE));
		return new DemoOrg(root, policyFile, ORG, REPO_PREFIX, SSOT_REPO, TAG_PREFIX, DemoRuntimeRepo.LATEST_VERSION,
				DemoRuntimeRepo.LATEST_RELEASE);
	}

	private static Path writePolicy(Path target) throws IOException {
		try (InputStream policy = DemoOrg.class.getResourceAsStream(POLICY_RESOURCE)) {
			if (policy == null) {
				throw new IOException("resource " + POLICY_RESOURCE + " is missing from the build");
			}
			Files.copy(policy, target);
			return target;
		}
	}
}
