package ai.molecule.drift.history;

import org.springframework.test.context.TestPropertySource;

/** Retention on H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:retention-tests;DB_CLOSE_DELAY=-1")
class H2HistoryRetentionFunctionalTests extends HistoryRetentionFunctionalTests {
}
