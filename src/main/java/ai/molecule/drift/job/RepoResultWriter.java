package ai.molecule.drift.job;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.model.RepoResult;

/** Persists a chunk of results in the chunk's transaction. */
class RepoResultWriter implements ItemWriter<RepoResult> {

	private final RunStore store;

	private final long runId;

	RepoResultWriter(RunStore store, long runId) {
		this.store = store;
		this.runId = runId;
	}

	@Override
	public void write(Chunk<? extends RepoResult> chunk) {
		store.saveResults(runId, List.copyOf(chunk.getItems()));
	}
}
