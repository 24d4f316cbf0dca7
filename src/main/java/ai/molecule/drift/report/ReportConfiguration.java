package ai.molecule.drift.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Report rendering on Spring Boot's FreeMarker configuration (templates: {@code drift.report.templates}, then the jar). */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	@Bean
	ReportRenderer reportRenderer(freemarker.template.Configuration freemarker) {
		return new ReportRenderer(freemarker);
	}

	@Bean
	ReportWriter reportWriter(ReportRenderer renderer) {
		return new ReportWriter(renderer);
	}
}
