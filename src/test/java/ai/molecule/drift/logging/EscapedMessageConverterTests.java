package ai.molecule.drift.logging;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Log messages keep to one line, whatever the repository text they carry. */
class EscapedMessageConverterTests {

	private final EscapedMessageConverter converter = new EscapedMessageConverter();

	@Test
	void lineBreaksAndControlCharactersAreSpelledOut() {
		assertThat(message("Repository {} could not be read", "a\nERROR forged")).isEqualTo(
				"Repository a\\nERROR forged could not be read");
		assertThat(message("{}", "a\r\nb\tc\u0000d\u001B[31me\u007F")).isEqualTo("a\\r\\nb\\tc\\u0000d\\u001B[31me\\u007F");
		assertThat(message("{}", "a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\u0085d");
	}

	@Test
	void bidiAndZeroWidthCharactersAreSpelledOut() {
		assertThat(message("{}", "tpl-\u202Egnp.exe\u200B\uFEFF")).isEqualTo("tpl-\\u202Egnp.exe\\u200B\\uFEFF");
	}

	@Test
	void plainMessagesAreUntouched() {
		assertThat(message("Run {} PASS: {} repositories · 0 behind", 42, 7)).isEqualTo("Run 42 PASS: 7 repositories · 0 behind");
		assertThat(EscapedMessageConverter.escape(null)).isNull();
	}

	private String message(String pattern, Object... arguments) {
		LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("test"), Level.INFO, pattern, null,
				arguments);
		return converter.convert(event);
	}
}
