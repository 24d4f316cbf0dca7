package ai.molecule.drift.history;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Retention on a real PostgreSQL server. */
class PostgresHistoryRetentionFunctionalTests extends HistoryRetentionFunctionalTests {

	@BeforeAll
	static void postgresInstalled() {
		PostgresServer.requireInstalled();
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer server = PostgresServer.get();
		registry.add("spring.datasource.url", () -> server.createDatabase("retention_tests"));
		registry.add("spring.datasource.username", server::username);
		registry.add("spring.datasource.password", () -> "");
	}
}
