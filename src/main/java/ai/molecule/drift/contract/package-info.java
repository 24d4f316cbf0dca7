/**
 * Vendored contracts: a template's {@code contracts/contracts.lock} parsed and checked, its vendored copies
 * against the lock and the lock against the upstream files, each upstream file read once per run. Plain
 * Java over the {@code forge} interface; the state decision itself does no I/O.
 */
package ai.molecule.drift.contract;
