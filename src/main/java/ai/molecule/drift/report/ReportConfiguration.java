package ai.molecule.drift.report;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunHistorySource;

/** Report rendering on Spring Boot's FreeMarker configuration (templates: {@code drift.report.templates}, then the jar). */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	@Bean
	ReportRenderer reportRenderer(freemarker.template.Configuration freemarker,
			ObjectProvider<RunHistorySource> history) {
		return new ReportRenderer(freemarker, history.getIfAvailable(() -> report -> RunHistory.none()));
	}

	@Bean
	ReportWriter reportWriter(ReportRenderer renderer) {
		return new ReportWriter(renderer);
	}
}
