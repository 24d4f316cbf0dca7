package ai.molecule.drift.job;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.classify.RepoClassifier;
import ai.molecule.drift.contract.ContractReader;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.ReleaseTag;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

class RepoScanProcessorTests {

	private static final RepoRef REPO = new RepoRef("org", "molecule-ai-workspace-template-x", "main", false, false,
			false);

	private final RepoClassifier classifier = new RepoClassifier(new Policy(List.of(), List.of(), null, Set.of()),
			ReleaseLine.ofFallback(Version.of(1, 0, 0), null), LocalDate.of(2026, 11, 22));

	private RepoScanProcessor scanning(Forge forge) {
		return new RepoScanProcessor(forge, classifier, contracts(forge));
	}

	private static ContractReader contracts(Forge forge) {
		return new ContractReader(forge, REPO.owner(), List.of());
	}

	@Test
	void anUnexpectedFailureMakesTheRepoUnreadableNotTheScanAborted() {
		Forge forge = forgeFailingWith(new NullPointerException("entry is null"));
		RepoResult result = new RepoScanProcessor(forge, classifier, contracts(forge)).process(new ScanTarget(REPO.name(), REPO, null));

		assertThat(result.classification()).isEqualTo(Classification.UNKNOWN);
		assertThat(result.unreadable()).isTrue();
		assertThat(result.findings().get(0).message()).contains("unexpected answer", "entry is null");
	}

	@Test
	void aForgeFailureNamesTheCause() {
		RepoResult result = scanning(forgeFailingWith(new ForgeException("GET /x: HTTP 500")))
			.process(new ScanTarget(REPO.name(), REPO, null));

		assertThat(result.classification()).isEqualTo(Classification.UNKNOWN);
		assertThat(result.findings().get(0).message()).endsWith("GET /x: HTTP 500");
	}

	@Test
	void readsThePinFiles() {
		Forge forge = new StubForge() {
			@Override
			public RepoFiles readFiles(RepoRef repo, Set<String> paths) {
				assertThat(paths).containsExactlyInAnyOrder(".runtime-version", "Dockerfile", "requirements.txt",
						"workspace", "molecule_runtime");
				return new RepoFiles(List.of(new RepoFiles.TreeEntry(".runtime-version", RepoFiles.TreeEntry.Type.FILE)),
						java.util.Map.of(".runtime-version", "0.9.0\n"));
			}
		};
		RepoResult result = scanning(forge).process(new ScanTarget(REPO.name(), REPO, null));

		assertThat(result.classification()).isEqualTo(Classification.UNLISTED_PINNED);
		assertThat(result.pin()).isEqualTo("0.9.0");
	}

	private static Forge forgeFailingWith(RuntimeException failure) {
		return new StubForge() {
			@Override
			public RepoFiles readFiles(RepoRef repo, Set<String> paths) {
				throw failure;
			}
		};
	}

	/** Answers nothing; each test overrides what it needs. */
	private static class StubForge implements Forge {

		@Override
		public java.util.Map<String, ai.molecule.drift.forge.FileBytes> readBlobs(RepoRef repo, List<String> paths) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ai.molecule.drift.forge.FileBytes readBlob(String org, String repo, String ref, String path) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<RepoRef> listRepos(String org) {
			return List.of();
		}

		@Override
		public Optional<RepoRef> findRepo(String org, String name) {
			return Optional.empty();
		}

		@Override
		public RepoFiles readFiles(RepoRef repo, Set<String> paths) {
			return RepoFiles.empty();
		}

		@Override
		public List<ReleaseTag> listReleaseTags(String org, String repo) {
			return List.of();
		}

		@Override
		public Optional<String> readFile(String org, String repo, String path) {
			return Optional.empty();
		}
	}
}
