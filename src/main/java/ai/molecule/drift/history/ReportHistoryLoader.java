package ai.molecule.drift.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunHistory.TrendPoint;
import ai.molecule.drift.model.RunReport;
import ai.molecule.drift.model.RunStatus;

/**
 * Reads from the history database what a run's reports and tracking issue show of the past, all within
 * the run's {@link HistoryScope}: the trend of the latest {@code drift.history.chart-runs} runs, each
 * repository's lag over them, and the {@link PreviousRun previous run}. Callers read it once per run and
 * hand it to the rendering, which reads nothing itself.
 */
@Component
public class ReportHistoryLoader {

	private static final Logger log = LoggerFactory.getLogger(ReportHistoryLoader.class);

	private final JdbcClient jdbc;

	private final RunStore store;

	private final TrendQuery trend;

	private final int chartRuns;

	private final TransactionTemplate savepoint;

	ReportHistoryLoader(JdbcClient jdbc, RunStore store, HistoryProperties properties,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.store = store;
		this.trend = new TrendQuery(jdbc);
		this.chartRuns = properties.chartRuns();
		// Nested: the report step's transaction (which has just closed the run) must see its own changes,
		// and must survive a failed read; PostgreSQL aborts a whole transaction on any failed statement.
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.savepoint.setReadOnly(true);
	}

	/** The history of {@code report}'s job up to it; {@link RunHistory#none()} when it cannot be read. */
	public RunHistory of(RunReport report) {
		HistoryScope scope = HistoryScope.of(report.forge());
		if (scope == null) {
			return RunHistory.none();
		}
		try {
			return savepoint.execute(status -> load(scope, report));
		}
		catch (DataAccessException ex) {
			// The reports matter more than their charts: render them without history rather than not at all.
			log.warn("Run {}: the history could not be read, so the reports show this run only: {}", report.runId(),
					ex.getMostSpecificCause().getMessage());
			return RunHistory.none();
		}
	}

	private RunHistory load(HistoryScope scope, RunReport report) {
		List<Long> runIds = jdbc.sql("""
				select d.id from drift_run d where %s and d.id <= ? order by d.id desc fetch first %d rows only"""
			.formatted(HistorySql.IN_SCOPE, chartRuns))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix(), report.runId())
			.query(Long.class)
			.list();
		List<TrendPoint> points = runIds.isEmpty() ? List.of()
				: trend.rows(scope, HistorySql.EPOCH, runIds.get(runIds.size() - 1), report.runId())
					.stream()
					.map(row -> new TrendPoint(row.runId(), row.startedAt(), RunStatus.fromId(row.status()), row.behind(),
							row.medianLagReleases()))
					.toList();
		return new RunHistory(true, points, lagSeries(scope, report, points), previous(scope, report.runId()));
	}

	private Map<String, List<Integer>> lagSeries(HistoryScope scope, RunReport report, List<TrendPoint> points) {
		if (points.isEmpty()) {
			return Map.of();
		}
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < points.size(); i++) {
			index.put(points.get(i).runId(), i);
		}
		// An unreadable repository has no lag in that run: a gap, never a zero.
		Map<String, Integer[]> series = new LinkedHashMap<>();
		report.repos().forEach(repo -> series.put(repo.name(), new Integer[points.size()]));
		jdbc.sql("""
				select r.run_id, r.name, r.lag_releases from drift_repo_result r join drift_run d on d.id = r.run_id
				where %s and r.run_id between ? and ? and r.lag_releases is not null"""
			.formatted(HistorySql.IN_SCOPE))
			.params(scope.org(), scope.forgeType(), scope.repoPrefix(), points.get(0).runId(), report.runId())
			.query(rs -> {
				Integer[] values = series.get(rs.getString(2));
				Integer position = index.get(rs.getLong(1));
				if (values != null && position != null) {
					values[position] = rs.getInt(3);
				}
			});
		Map<String, List<Integer>> lists = new LinkedHashMap<>();
		series.forEach((name, values) -> lists.put(name, new ArrayList<>(Arrays.asList(values))));
		return lists;
	}

	private RunReport previous(HistoryScope scope, long runId) {
		return PreviousRun.before(jdbc, scope, runId).map(store::load).orElse(null);
	}
}
