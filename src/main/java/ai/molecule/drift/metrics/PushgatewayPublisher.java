package ai.molecule.drift.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.molecule.drift.model.RunFinishedListener;
import ai.molecule.drift.model.RunReport;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;

/**
 * Pushes each finished run's metrics to the Prometheus Pushgateway, grouped by job and
 * organisation. A PUT: the run's series replace the previous run's, so a repository that left the
 * organisation leaves the gateway too. A failed push is logged and never changes the run's outcome.
 */
class PushgatewayPublisher implements RunFinishedListener {

	private static final Logger log = LoggerFactory.getLogger(PushgatewayPublisher.class);

	private final MetricsProperties properties;

	private final LastSuccess lastSuccess;

	PushgatewayPublisher(MetricsProperties properties, LastSuccess lastSuccess) {
		this.properties = properties;
		this.lastSuccess = lastSuccess;
	}

	@Override
	public void runFinished(RunReport run) {
		if (!properties.enabled()) {
			return;
		}
		String org = run.forge().org();
		String shownUrl = withoutCredentials(properties.pushgatewayUrl());
		PrometheusMeterRegistry registry = RunMetrics.of(run, lastSuccess.of(org).orElse(null));
		try {
			pushGateway(registry, org).push();
			log.info("Run {} metrics pushed to {} (job {}, org {})", run.runId(), shownUrl, properties.job(), org);
		}
		catch (IOException ex) {
			log.warn("Run {} metrics could not be pushed to {}: {}", run.runId(), shownUrl, ex.getMessage());
		}
		finally {
			registry.close();
		}
	}

	private PushGateway pushGateway(PrometheusMeterRegistry registry, String org) {
		URI url = properties.pushgatewayUrl();
		PushGateway.Builder builder = PushGateway.builder()
			.scheme(Scheme.fromString(url.getScheme()))
			.address(url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1) + path(url))
			.job(properties.job())
			.groupingKey("org", org)
			.format(Format.PROMETHEUS_TEXT)
			.registry(registry.getPrometheusRegistry())
			.connectionTimeout(properties.timeout())
			.readTimeout(properties.timeout());
		if (url.getRawUserInfo() != null) {
			String[] user = url.getRawUserInfo().split(":", 2);
			builder.basicAuth(decode(user[0]), user.length > 1 ? decode(user[1]) : "");
		}
		return builder.build();
	}

	private static String path(URI url) {
		String path = url.getRawPath() == null ? "" : url.getRawPath();
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/** The gateway's address as it may be logged: never its user info (credentials) or a query. */
	static String withoutCredentials(URI url) {
		return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path(url);
	}
}
