package ai.molecule.drift.cli;

import java.time.Clock;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.history.HistoryProperties;
import ai.molecule.drift.history.HistoryQueries;

/**
 * The Spring application of a history query: the history package over a data source, and nothing of
 * the scan (no job, forge, reports or metrics). Spring Batch and FreeMarker are left out by name, so
 * that this package does not depend on them. Not a {@code @Configuration}: the scan's component scan
 * must not pick it up (its exclusions would apply to the scan too); it is only ever a source of its own.
 */
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
		"org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
		"org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
		"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
		"org.springframework.boot.freemarker.autoconfigure.FreeMarkerAutoConfiguration" })
@EnableConfigurationProperties({ DriftProperties.class, HistoryProperties.class })
@ComponentScan(basePackageClasses = HistoryQueries.class)
class HistoryApplication {

	/** UTC, as in the scan: retention and "days behind" count in it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
