package ai.molecule.drift.publish;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.forge.IssueTracker;
import ai.molecule.drift.history.ReportHistoryLoader;
import ai.molecule.drift.history.RunStore;
import ai.molecule.drift.report.ReportRenderer;
import ai.molecule.drift.report.ReportWriter;

/** The report as a tracking issue, when {@code drift.publish.issue-repo} is set. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	@Bean
	IssuePublication issuePublication(PublishProperties settings, ObjectProvider<IssueTracker> issueTracker,
			ReportRenderer renderer, ReportHistoryLoader history, RunStore store, ReportWriter reportWriter,
			DriftProperties properties, Clock clock) {
		return new IssuePublication(settings, issueTracker, new IssueBody(renderer, IssueBody.DEFAULT_BUDGET),
				history, store, reportWriter, properties.report().dir(), clock);
	}
}
