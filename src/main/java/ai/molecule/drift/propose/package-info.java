/**
 * Bump proposals: for each lagging consumer, the release to bump to (in stages for a big lag) and the
 * exact change to its pin files. The plan and the rewrite are pure; writing them to a forge comes later.
 */
package ai.molecule.drift.propose;
