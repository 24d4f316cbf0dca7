package ai.molecule.drift.metrics;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code drift.metrics.*} settings: where each run's metrics are pushed.
 *
 * @param pushgatewayUrl Prometheus Pushgateway that receives each run's metrics, such as
 *     {@code http://pushgateway.monitoring:9091} (a path prefix is kept); unset: nothing is pushed
 * @param job the {@code job} grouping label the metrics are pushed under; the organisation is the second one
 * @param timeout time allowed to connect to the Pushgateway and again for its answer
 */
@ConfigurationProperties("drift.metrics")
public record MetricsProperties(
		URI pushgatewayUrl,
		@DefaultValue("consumer-drift") String job,
		@DefaultValue("10s") Duration timeout) {

	public MetricsProperties {
		if (pushgatewayUrl != null && (pushgatewayUrl.getHost() == null
				|| !("http".equals(pushgatewayUrl.getScheme()) || "https".equals(pushgatewayUrl.getScheme())))) {
			throw new IllegalArgumentException(
					"drift.metrics.pushgateway-url must be an http or https URL such as http://pushgateway:9091");
		}
		if (job == null || job.isBlank()) {
			throw new IllegalArgumentException("drift.metrics.job must not be blank");
		}
	}

	/** Whether metrics are pushed at all. */
	public boolean enabled() {
		return pushgatewayUrl != null;
	}
}
