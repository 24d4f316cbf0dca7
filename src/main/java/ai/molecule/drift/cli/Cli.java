package ai.molecule.drift.cli;

/** Placeholder until the sub-commands land. */
public final class Cli {

	private Cli() {
	}

	public static int run(String[] args) {
		return 0;
	}
}
