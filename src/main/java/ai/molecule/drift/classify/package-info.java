/**
 * Classification of one repository against the policy and the release line, and the run's verdict:
 * pure functions of what the forge returned, with no Spring and no I/O.
 */
package ai.molecule.drift.classify;
