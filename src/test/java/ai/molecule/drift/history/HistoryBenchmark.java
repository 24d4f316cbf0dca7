package ai.molecule.drift.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ai.molecule.drift.ConsumerDriftApplication;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunReport.ForgeInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test (its name keeps it out of {@code mvn verify}): fills a year of nightly runs of 1,000
 * repositories (365,000 repository rows) on H2 (a file, as in production) and on PostgreSQL, then prints
 * how long each history query takes. Run it with {@code mvn -B test -Dtest=HistoryBenchmark}.
 */
class HistoryBenchmark {

	private static final int TIMED = 5;

	@TempDir
	Path dir;

	private RunStore store;

	@Test
	void printQueryTimesOnH2AndPostgres() {
		Map<String, Map<String, String>> results = new LinkedHashMap<>();
		results.put("H2 (file)", measure("jdbc:h2:file:" + dir.resolve("benchmark") + ";DB_CLOSE_ON_EXIT=FALSE", "sa"));
		PostgresServer postgres = PostgresServer.get();
		results.put("PostgreSQL " + postgres.version(), measure(postgres.createDatabase("benchmark"), postgres.username()));
		print(results);
	}

	private Map<String, String> measure(String url, String user) {
		Map<String, String> times = new LinkedHashMap<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsumerDriftApplication.class)
			.lazyInitialization(true)
			// Arguments, not default properties: those rank below application.yml's H2 file.
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=", "--logging.level.ai.molecule.drift=WARN")) {
			store = context.getBean(RunStore.class);
			HistoryQueries queries = context.getBean(HistoryQueries.class);
			ReportHistoryLoader reports = context.getBean(ReportHistoryLoader.class);
			RunPruner pruner = context.getBean(RunPruner.class);
			HistoryScope scope = new HistoryScope(HistoryBenchmarkData.ORG, "gitea", HistoryBenchmarkData.PREFIX);
			long start = System.nanoTime();
			HistoryBenchmarkData data = new HistoryBenchmarkData();
			long lastRun = data.fill(store);
			times.put(String.format(Locale.ROOT, "fill: %d runs, %,d repository rows", HistoryBenchmarkData.NIGHTS,
					HistoryBenchmarkData.NIGHTS * HistoryBenchmarkData.REPOS), seconds(System.nanoTime() - start));
			// A database that has lived a year has statistics (autovacuum); one filled a second ago has none.
			context.getBean(JdbcTemplate.class).execute("analyze");
			Instant last = HistoryBenchmarkData.FIRST_NIGHT.plus(Duration.ofDays(HistoryBenchmarkData.NIGHTS - 1));
			String repo = HistoryBenchmarkData.repo(42);
			int nights = HistoryBenchmarkData.NIGHTS;
			times.put("history repo NAME", time(() -> queries.repo(scope, repo, Instant.EPOCH), nights));
			times.put("history trend", time(() -> queries.trend(scope, Instant.EPOCH), nights));
			times.put("history trend --since 90d",
					time(() -> queries.trend(scope, last.minus(Duration.ofDays(90))), Math.min(91, nights)));
			times.put("history time-to-sync (every SSOT release)", time(() -> queries.timeToSync(scope, null), -1));
			times.put("history time-to-sync --release (mid-year SSOT)",
					time(() -> queries.timeToSync(scope, data.midYearSsot()), 1));
			times.put("history worst --limit 10", time(() -> queries.worst(scope, 10, false), 10));
			times.put("history worst --by age", time(() -> queries.worst(scope, 10, true), 10));
			RunReport report = store.load(lastRun);
			times.put("report: trend, sparklines, previous run (90 runs)",
					time(() -> reports.of(report).trend(), Math.min(90, nights)));
			long prune = System.nanoTime();
			int pruned = pruner.prune(scope, HistoryBenchmarkData.FIRST_NIGHT.plus(Duration.ofHours(1)), lastRun);
			assertThat(pruned).isEqualTo(1);
			times.put("retention: prune one night (1,000 rows)", millis(System.nanoTime() - prune));
		}
		return times;
	}

	/**
	 * The median of {@link #TIMED} runs after one warm-up; {@code rows} checks the answer's size (-1: any).
	 * Before each, another org's run is written: H2 would otherwise hand back the previous result of an
	 * identical query on unchanged tables, which a nightly job never gets.
	 */
	private String time(Supplier<List<?>> query, int rows) {
		List<?> answer = query.get();
		if (rows >= 0) {
			assertThat(answer).hasSize(rows);
		}
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < TIMED; i++) {
			store.start(new ForgeInfo("gitea", null, "another-org", "x-"), Instant.EPOCH, 0);
			long start = System.nanoTime();
			query.get();
			nanos.add(System.nanoTime() - start);
		}
		nanos.sort(null);
		return millis(nanos.get(TIMED / 2));
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
	}

	private static void print(Map<String, Map<String, String>> results) {
		List<String> databases = new ArrayList<>(results.keySet());
		StringBuilder out = new StringBuilder("\n| query (median of " + TIMED + ") |");
		databases.forEach(db -> out.append(' ').append(db).append(" |"));
		out.append("\n|---|").append("---:|".repeat(databases.size())).append('\n');
		for (String query : results.get(databases.get(0)).keySet()) {
			out.append("| ").append(query).append(" |");
			databases.forEach(db -> out.append(' ').append(results.get(db).get(query)).append(" |"));
			out.append('\n');
		}
		System.out.println(out);
	}
}
