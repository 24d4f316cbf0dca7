/**
 * All Spring Batch wiring of {@code consumerDriftJob}: its steps, reader, processor, writer, tasklets
 * and listeners. Thin: each delegates to the feature that does the work.
 */
package ai.molecule.drift.job;
