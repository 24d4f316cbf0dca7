package ai.molecule.drift.forge;

/**
 * Makes bump proposals on a forge, idempotently: the tool's proposal for the same target is left as it is,
 * its proposals for older targets are closed, one that people closed is never reopened, and a branch the
 * tool did not make is never touched. It never writes to a default branch.
 */
public interface BumpWriter {

	BumpResult propose(RepoRef repo, BumpRequest request);
}
