package ai.molecule.drift.job;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import ai.molecule.drift.classify.RepoClassifier;
import ai.molecule.drift.classify.RepoSnapshot;
import ai.molecule.drift.classify.RuntimePins;
import ai.molecule.drift.contract.ContractReader;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoFiles.TreeEntry;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.model.RepoResult;

/**
 * Reads one repository's pin files and classifies it. Runs on several threads at once; a read
 * failure becomes an "unreadable" result (never a quiet "clean") rather than failing the step.
 */
class RepoScanProcessor implements ItemProcessor<ScanTarget, RepoResult> {

	static final String PIN_FILE = RuntimePins.PIN_FILE;

	static final String DOCKERFILE = RuntimePins.DOCKERFILE;

	static final String REQUIREMENTS = RuntimePins.REQUIREMENTS;

	static final Set<String> FILES = Set.of(PIN_FILE, DOCKERFILE, REQUIREMENTS);

	/**
	 * Everything classification depends on: the files, and the directories whose presence means a
	 * vendored runtime. Asking for the directories too makes the forge confirm what its listing says.
	 */
	static final Set<String> PATHS = Set.of(PIN_FILE, DOCKERFILE, REQUIREMENTS, "workspace", "molecule_runtime");

	private static final Logger log = LoggerFactory.getLogger(RepoScanProcessor.class);

	private final Forge forge;

	private final RepoClassifier classifier;

	private final ContractReader contracts;

	RepoScanProcessor(Forge forge, RepoClassifier classifier, ContractReader contracts) {
		this.forge = forge;
		this.classifier = classifier;
		this.contracts = contracts;
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
			RepoFiles files = forge.readFiles(repo, PATHS);
			Optional<String> contradiction = contradiction(files);
			if (contradiction.isPresent()) {
				log.warn("Repository {} contradicts itself: {}", repo.name(), contradiction.get());
				return RepoSnapshot.unreadable(repo.name(), repo.archived(), contradiction.get());
			}
			return new RepoSnapshot(repo.name(), true, repo.archived(), files.files().get(PIN_FILE),
					files.files().get(DOCKERFILE), files.files().get(REQUIREMENTS), files.topLevel(), null,
					contracts.read(repo, files));
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

	/**
	 * The last line of defence, whatever the forge: a file the root listing names must have come back
	 * with content, and content must belong to a file the listing names. The forges check this as they
	 * read, with the reason; this catches a forge that does not.
	 */
	static Optional<String> contradiction(RepoFiles files) {
		Map<String, TreeEntry.Type> listed = new HashMap<>();
		files.topLevel().forEach((entry) -> listed.putIfAbsent(entry.name(), entry.type()));
		for (String path : FILES.stream().sorted().toList()) {
			if (listed.get(path) == TreeEntry.Type.FILE && !files.files().containsKey(path)) {
				return Optional.of(path + " is listed as a file but the forge gave no content for it");
			}
		}
		return files.files()
			.keySet()
			.stream()
			.filter((path) -> listed.get(path) != TreeEntry.Type.FILE && listed.get(path) != TreeEntry.Type.SYMLINK)
			.sorted()
			.findFirst()
			.map((path) -> path + " is not listed as a file but the forge gave content for it");
	}
}
