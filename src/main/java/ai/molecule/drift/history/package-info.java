/**
 * The history database: persisting runs (JDBC, Flyway), the one read model of past runs behind the
 * reports, the tracking issue and the {@code history} queries, and retention.
 */
package ai.molecule.drift.history;
