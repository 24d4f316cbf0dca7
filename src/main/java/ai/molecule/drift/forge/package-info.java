/**
 * The {@link ai.molecule.drift.forge.Forge} interface and its implementations: Gitea and GitHub over
 * HTTP (paging, retries, rate limits, GraphQL), the local forge (folders and JGit), and the forges'
 * issue trackers.
 */
package ai.molecule.drift.forge;
