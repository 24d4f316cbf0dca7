package ai.molecule.drift.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Run metrics: pushed to a Prometheus Pushgateway after each run when {@code drift.metrics.pushgateway-url} is set. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	PushgatewayPublisher pushgatewayPublisher(MetricsProperties properties, JdbcClient jdbc) {
		return new PushgatewayPublisher(properties, new LastSuccess(jdbc));
	}
}
