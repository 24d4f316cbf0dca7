/**
 * Each run's metrics (Micrometer), pushed to a Prometheus Pushgateway when one is configured.
 */
package ai.molecule.drift.metrics;
