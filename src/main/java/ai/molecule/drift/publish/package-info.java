/**
 * The run's report as a tracking issue on the forge: the issue found by its marker, the body within
 * the forge's size budget, labels, comments.
 */
package ai.molecule.drift.publish;
