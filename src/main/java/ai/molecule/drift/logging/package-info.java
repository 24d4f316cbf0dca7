/**
 * The run id in the logging context (MDC), carried to the scan's threads.
 */
package ai.molecule.drift.logging;
