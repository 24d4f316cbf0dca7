package ai.molecule.drift.history;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Java migrations with Spring Boot's Flyway, next to the SQL migrations. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

	@Bean
	JavaMigration springBatchMetadata() {
		return new V1__Spring_batch_metadata();
	}

	@Bean
	JavaMigration deriveHistorySummaries() {
		return new V2_2__Derive_history_summaries();
	}
}
