package ai.molecule.drift.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with control and invisible characters written as escapes ({@code \n}, {@code \u202E}):
 * repository names, pins and forge answers reach log lines, and a newline in one would start a forged
 * line of its own in the plain-text logs. Registered for {@code %m}, {@code %msg} and {@code %message} in
 * {@code logback-spring.xml}, so every log call is covered, whatever it logs; the JSON logs escape by
 * themselves. Public because logback instantiates it by name.
 */
public class EscapedMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return escape(super.convert(event));
	}

	/** The text on one line, every control or format character (bidi, zero-width) spelled out. */
	public static String escape(String text) {
		if (text == null || text.codePoints().noneMatch(EscapedMessageConverter::unsafe)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((cp) -> {
			if (!unsafe(cp)) {
				out.appendCodePoint(cp);
			}
			else if (cp == '\n') {
				out.append("\\n");
			}
			else if (cp == '\r') {
				out.append("\\r");
			}
			else if (cp == '\t') {
				out.append("\\t");
			}
			else {
				out.append(String.format("\\u%04X", cp));
			}
		});
		return out.toString();
	}

	private static boolean unsafe(int cp) {
		int type = Character.getType(cp);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}
}
