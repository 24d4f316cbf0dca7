package ai.molecule.drift.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every log event of a test class, DEBUG ones included, kept in memory and not printed: a class that turns DEBUG
 * on to check what it would show (a token, never) reads {@link #text()}, while the console shows INFO and above,
 * as for every other class, so that the suite's output stays readable. Registered on a static field with
 * {@code @RegisterExtension}; the levels the class's context raised are set back after it, so that DEBUG does
 * not leak into the classes that run next in the same JVM.
 */
final class DebugLogs implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private static final String CONSOLE = "CONSOLE";

	/** The loggers whose level these test classes raise to DEBUG. */
	private static final List<String> RAISED = List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "ai.molecule.drift");

	private final StringBuffer text = new StringBuffer();

	private final Appender<ILoggingEvent> memory = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
				.append(event.getFormattedMessage()).append('\n');
			if (event.getThrowableProxy() != null) {
				text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
			}
		}
	};

	private final ThresholdFilter infoAndAbove = new ThresholdFilter();

	private final Map<String, Level> levelsBefore = new HashMap<>();

	DebugLogs() {
		memory.setName("debug-logs-in-memory");
		infoAndAbove.setLevel(Level.INFO.toString());
		infoAndAbove.start();
	}

	/** Everything logged since the class began, one event a line, with any stack trace. */
	String text() {
		return text.toString();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		RAISED.forEach((name) -> levelsBefore.put(name, logger(name).getLevel()));
		attach();
	}

	/** Again before each test: starting an application context may have reset the logging system. */
	@Override
	public void beforeEach(ExtensionContext context) {
		attach();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Logger root = root();
		root.detachAppender(memory);
		memory.stop();
		Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
		if (console != null) {
			var others = console.getCopyOfAttachedFiltersList().stream().filter((f) -> f != infoAndAbove).toList();
			console.clearAllFilters();
			others.forEach(console::addFilter);
		}
		levelsBefore.forEach((name, level) -> logger(name).setLevel(level));
	}

	private void attach() {
		Logger root = root();
		if (root.getAppender(memory.getName()) == null) {
			memory.setContext(root.getLoggerContext());
			memory.start();
			root.addAppender(memory);
		}
		Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
		if (console != null && !console.getCopyOfAttachedFiltersList().contains(infoAndAbove)) {
			console.addFilter(infoAndAbove);
		}
	}

	private static Logger root() {
		return logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private static Logger logger(String name) {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name);
	}
}
