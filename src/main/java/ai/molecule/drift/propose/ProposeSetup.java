package ai.molecule.drift.propose;

import java.time.Clock;

import ai.molecule.drift.forge.BumpWriter;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.GiteaForge;
import ai.molecule.drift.forge.GitHubForge;
import ai.molecule.drift.forge.LocalForge;

/**
 * How this process proposes bumps, settled at start-up ({@link ProposeConfiguration} refuses what it cannot do).
 *
 * @param enabled whether the job proposes bumps at all
 * @param dryRun whether it only says what it would propose
 */
public record ProposeSetup(boolean enabled, boolean dryRun) {

	/** Where bumps are written on {@code forge}; {@code null} for a dry run, which writes nothing. */
	public BumpWriter writer(Forge forge, Clock clock) {
		if (dryRun || !enabled) {
			return null;
		}
		if (forge instanceof LocalForge local) {
			return local.bumps(clock);
		}
		if (forge instanceof GiteaForge gitea) {
			return gitea.bumps(clock);
		}
		if (forge instanceof GitHubForge github) {
			return github.bumps(clock);
		}
		throw new IllegalStateException("no bump writer for " + forge);
	}
}
