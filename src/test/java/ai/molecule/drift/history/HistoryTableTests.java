package ai.molecule.drift.history;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The three output formats pin their escaping: CSV quoting and formulas, JSON types, a safe terminal. */
class HistoryTableTests {

	private final HistoryTable table = new HistoryTable("name", "pin", "days", "median", "at", "findings")
		.add("a,b", "=HYPERLINK(\"x\")", 3L, 2.5, Instant.parse("2026-03-01T03:00:00.123Z"),
				List.of("pin-drift", "lag-exceeded"))
		.add("c", null, null, 2.0, null, List.of());

	@Test
	void csvQuotesAndDisarmsFormulas() {
		assertThat(table.csv()).isEqualTo("""
				name,pin,days,median,at,findings
				"a,b","'=HYPERLINK(""x"")",3,2.5,2026-03-01T03:00:00Z,pin-drift lag-exceeded
				c,,,2,,
				""");
	}

	@Test
	void jsonKeepsTypesAndNulls() {
		JsonNode rows = table.json(JsonMapper.builder().build());
		assertThat(rows.get(0).get("pin").asString()).isEqualTo("=HYPERLINK(\"x\")");
		assertThat(rows.get(0).get("days").isIntegralNumber()).isTrue();
		assertThat(rows.get(0).get("median").asDouble()).isEqualTo(2.5);
		assertThat(rows.get(0).get("at").asString()).isEqualTo("2026-03-01T03:00:00Z");
		assertThat(rows.get(0).get("findings")).extracting(JsonNode::asString).containsExactly("pin-drift", "lag-exceeded");
		assertThat(rows.get(1).get("pin").isNull()).isTrue();
		assertThat(rows.get(1).get("findings").isArray()).isTrue();
		assertThat(rows.get(1).get("findings")).isEmpty();
	}

	@Test
	void aTableIsAlignedAndCarriesNoControlCharacters() {
		String text = new HistoryTable("name", "pin").add("repo", "0.3.1\u001b[31m").add("r", null).table();
		assertThat(text).isEqualTo("""
				name  pin
				repo  0.3.1?[31m
				r     -
				""");
	}
}
