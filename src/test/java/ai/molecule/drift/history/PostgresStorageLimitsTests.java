package ai.molecule.drift.history;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link StorageLimitsTests} on a real PostgreSQL server. */
class PostgresStorageLimitsTests extends StorageLimitsTests {

	@BeforeAll
	static void postgresInstalled() {
		PostgresServer.requireInstalled();
	}

	@Override
	DataSource dataSource() {
		PostgresServer server = PostgresServer.get();
		String name = "storage_limits_" + Long.toHexString(System.nanoTime());
		return new DriverManagerDataSource(server.createDatabase(name), server.username(), "");
	}
}
