package ai.molecule.drift.history;

import org.springframework.test.context.TestPropertySource;

/** The history queries on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:history-tests;DB_CLOSE_DELAY=-1")
class H2HistoryQueriesFunctionalTests extends HistoryQueriesFunctionalTests {
}
