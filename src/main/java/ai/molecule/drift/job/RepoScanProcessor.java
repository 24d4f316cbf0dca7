package ai.molecule.drift.job;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import ai.molecule.drift.classify.RepoClassifier;
import ai.molecule.drift.classify.RepoSnapshot;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.model.RepoResult;

/**
 * Reads one repository's pin files and classifies it. Runs on several threads at once; a read
 * failure becomes an "unreadable" result (never a quiet "clean") rather than failing the step.
 */
class RepoScanProcessor implements ItemProcessor<ScanTarget, RepoResult> {

	static final String PIN_FILE = ".runtime-version";

	static final String DOCKERFILE = "Dockerfile";

	static final String REQUIREMENTS = "requirements.txt";

	static final Set<String> FILES = Set.of(PIN_FILE, DOCKERFILE, REQUIREMENTS);

	private static final Logger log = LoggerFactory.getLogger(RepoScanProcessor.class);

	private final Forge forge;

	private final RepoClassifier classifier;

	RepoScanProcessor(Forge forge, RepoClassifier classifier) {
		this.forge = forge;
		this.classifier = classifier;
	}

	@Override
	public RepoResult process(ScanTarget target) {
		return classifier.classify(snapshot(target));
	}

	private RepoSnapshot snapshot(ScanTarget target) {
		if (target.lookupError() != null) {
			log.warn("Repository {} could not be looked up: {}", target.name(), target.lookupError());
			return RepoSnapshot.unreadable(target.name(), false, target.lookupError());
		}
		RepoRef repo = target.repo();
		if (repo == null) {
			return RepoSnapshot.missing(target.name());
		}
		try {
			RepoFiles files = forge.readFiles(repo, FILES);
			return new RepoSnapshot(repo.name(), true, repo.archived(), files.files().get(PIN_FILE),
					files.files().get(DOCKERFILE), files.files().get(REQUIREMENTS), files.topLevel(), null);
		}
		catch (ForgeException ex) {
			log.warn("Repository {} could not be read: {}", repo.name(), ex.getMessage());
			return RepoSnapshot.unreadable(repo.name(), repo.archived(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A forge answer we did not expect must not abort the whole scan, nor pass as "clean".
			log.warn("Repository {} could not be read: {}", repo.name(), ex.toString());
			return RepoSnapshot.unreadable(repo.name(), repo.archived(), "unexpected answer: " + ex);
		}
	}
}
