package ai.molecule.drift.report;

import java.io.IOException;
import java.util.Properties;

import org.springframework.ui.freemarker.FreeMarkerConfigurationFactory;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;

/**
 * The FreeMarker configuration production gets from Spring Boot, built the same way for tests; it leaves out
 * the number, locale and time-zone settings on purpose, since the templates must not depend on them.
 */
public final class ReportTemplates {

	private ReportTemplates() {
	}

	/** As configured by {@code spring.freemarker.*}: the folder on disk first, then the jar. */
	public static Configuration configuration() {
		return configuration("file:reports-templates/", "classpath:/reports-templates/");
	}

	public static Configuration configuration(String... loaderPaths) {
		FreeMarkerConfigurationFactory factory = new FreeMarkerConfigurationFactory();
		factory.setTemplateLoaderPaths(loaderPaths);
		factory.setPreferFileSystemAccess(false);
		factory.setDefaultEncoding("UTF-8");
		Properties settings = new Properties();
		settings.setProperty("incompatible_improvements", "2.3.34");
		settings.setProperty("template_exception_handler", "rethrow");
		settings.setProperty("recognize_standard_file_extensions", "true");
		factory.setFreemarkerSettings(settings);
		try {
			return factory.createConfiguration();
		}
		catch (IOException | TemplateException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static ReportRenderer renderer() {
		return new ReportRenderer(configuration());
	}
}
