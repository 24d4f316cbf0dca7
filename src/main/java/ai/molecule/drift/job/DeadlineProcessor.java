package ai.molecule.drift.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ai.molecule.drift.classify.RepoClassifier;
import ai.molecule.drift.classify.RepoSnapshot;
import ai.molecule.drift.model.RepoResult;

/**
 * Reads a repository only while the run's deadline has not passed; after it, the repository is
 * classified as unread (unknown, never clean) without a request, so the scan ends at once.
 */
class DeadlineProcessor implements ItemProcessor<ScanTarget, RepoResult> {

	private final ItemProcessor<ScanTarget, RepoResult> reader;

	private final RepoClassifier classifier;

	private final RunDeadline deadline;

	DeadlineProcessor(ItemProcessor<ScanTarget, RepoResult> reader, RepoClassifier classifier, RunDeadline deadline) {
		this.reader = reader;
		this.classifier = classifier;
		this.deadline = deadline;
	}

	@Override
	public RepoResult process(ScanTarget target) throws Exception {
		// Missing repositories and failed lookups need no request: they are reported as they are.
		if (target.repo() == null || target.lookupError() != null || !deadline.passed()) {
			return reader.process(target);
		}
		return classifier.classify(RepoSnapshot.unreadable(target.name(), target.repo().archived(),
				RunDeadline.NOT_READ + " (" + deadline.budget() + ")"));
	}
}
