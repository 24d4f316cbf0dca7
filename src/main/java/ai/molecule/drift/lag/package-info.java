/**
 * Versions, releases, the SSOT and lag arithmetic: the pure domain core, with no Spring and no I/O.
 */
package ai.molecule.drift.lag;
