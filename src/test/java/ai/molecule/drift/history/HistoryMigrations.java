package ai.molecule.drift.history;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;

/** Runs the history's Java migrations outside Flyway, on data a test has prepared. */
final class HistoryMigrations {

	private HistoryMigrations() {
	}

	static void derive(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			new V2_2__Derive_history_summaries().migrate(new Context() {

				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}
	}
}
