package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ai.molecule.drift.lag.Lag;
import ai.molecule.drift.lag.LagLevel;
import ai.molecule.drift.lag.Release;
import ai.molecule.drift.lag.ReleaseLine;
import ai.molecule.drift.lag.Version;
import ai.molecule.drift.model.Classification;
import ai.molecule.drift.model.Finding;
import ai.molecule.drift.model.FindingCode;
import ai.molecule.drift.model.RepoResult;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;
import ai.molecule.drift.model.RunStatus;
import ai.molecule.drift.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repository text longer than its column (a name, a pin, a message, a tag) is stored shortened and
 * marked, and the other repositories of the run are stored as usual; on H2 here, on PostgreSQL in the
 * subclass.
 */
class StorageLimitsTests {

	static final String T = "molecule-ai-workspace-template-";

	static final ForgeInfo FORGE = new ForgeInfo("gitea", "https://git.example.com", "molecule-ai", T);

	/** Two names that share their first 300 characters: their stored names must still differ. */
	static final String LONG_A = T + "x".repeat(300) + "-a";

	static final String LONG_B = T + "x".repeat(300) + "-b";

	RunStore store;

	JdbcClient jdbc;

	@BeforeEach
	void migrate() {
		DataSource dataSource = dataSource();
		Flyway.configure()
			.dataSource(dataSource)
			.javaMigrations(new V1__Spring_batch_metadata(), new V2_2__Derive_history_summaries())
			.load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
		store = new RunStore(jdbc, new JdbcTemplate(dataSource));
	}

	DataSource dataSource() {
		return new DriverManagerDataSource("jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	@Test
	void longNamesAreStoredShortenedUniqueAndMarkedBesideTheOthers() {
		long runId = scan(Instant.parse("2026-11-22T03:00:00Z"));

		Map<String, RepoResult> stored = byName(store.load(runId));
		assertThat(stored).containsKey(T + "ok").hasSize(3);
		assertThat(stored.get(T + "ok").findings()).singleElement()
			.satisfies((f) -> assertThat(f.message()).hasSize(2000).endsWith("\u2026"));
		List<String> cut = stored.keySet().stream().filter((name) -> !name.equals(T + "ok")).toList();
		assertThat(cut).hasSize(2).allSatisfy((name) -> assertThat(name).hasSize(255)
			.startsWith(T + "xxxx")
			.matches(".*x\u2026[0-9a-f]{8}"));
		RepoResult a = stored.get(Column.key(LONG_A, Column.NAME));
		assertThat(a.pin()).hasSize(128).endsWith("\u2026");
		assertThat(a.findings()).extracting(Finding::code).containsExactly(FindingCode.INVALID_PIN);
		RunReport report = store.load(runId);
		assertThat(report.reasons()).singleElement().satisfies((r) -> assertThat(r).hasSize(2000));
		assertThat(report.ssot().tag()).hasSize(255).endsWith("\u2026");
	}

	@Test
	void aShortenedNameIsTheSameEveryRunSoItsHistoryIsFoundByTheFullName() {
		scan(Instant.parse("2026-11-22T03:00:00Z"));
		scan(Instant.parse("2026-11-23T03:00:00Z"));

		List<RepoRun> rows = new RepoHistoryQuery(jdbc).rows(new HistoryScope("molecule-ai", "gitea", T), LONG_B,
				Instant.EPOCH);
		assertThat(rows).hasSize(2).allSatisfy((row) -> assertThat(row.classification()).isEqualTo("unlisted-pinned"));
	}

	private long scan(Instant at) {
		long runId = store.start(FORGE, at, 1);
		String tag = "runtime-v0.3.27" + "+".repeat(300);
		store.recordReleases(runId, ReleaseLine.ofReleases(List.of(new Release(Version.of(0, 3, 27), tag, at))));
		store.saveResults(runId, List.of(
				new RepoResult(LONG_A, Classification.UNLISTED_PINNED, false, "0.3.".repeat(60), null,
						List.of(new Finding(FindingCode.INVALID_PIN, Severity.WARNING, "not a version"))),
				new RepoResult(LONG_B, Classification.UNLISTED_PINNED, false, "0.3.27", new Lag(0, 0L, LagLevel.NONE),
						List.of(new Finding(FindingCode.UNLISTED_PINNED, Severity.ERROR, "pins the runtime"))),
				new RepoResult(T + "ok", Classification.ENUMERATED, false, "0.3.20", new Lag(7, 41L, LagLevel.PATCH),
						List.of(new Finding(FindingCode.PIN_DRIFT, Severity.WARNING, "behind ".repeat(500))))));
		store.finish(runId, RunStatus.FAIL, List.of("fails: " + LONG_B.repeat(10)), at.plusSeconds(9));
		return runId;
	}

	private static Map<String, RepoResult> byName(RunReport report) {
		return report.repos().stream().collect(Collectors.toMap(RepoResult::name, Function.identity()));
	}
}
