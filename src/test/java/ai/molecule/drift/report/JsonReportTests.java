package ai.molecule.drift.report;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.model.RunReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static ai.molecule.drift.report.ReportFixtures.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code drift-report.json}, parsed back and checked field by field against the contract. */
class JsonReportTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ReportRenderer renderer = ReportTemplates.renderer();

	@Test
	void runFields() {
		JsonNode json = parse(ReportFixtures.failRun());
		assertThat(json.propertyNames()).containsExactly("schemaVersion", "runId", "startedAt", "finishedAt", "status",
				"exitCode", "forge", "ssot", "counts", "repos", "contracts", "reasons");
		assertThat(json.get("schemaVersion").isInt()).isTrue();
		assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(json.get("runId").asLong()).isEqualTo(42);
		// To the second, UTC, like the contract's example; the fixture has milliseconds.
		assertThat(json.get("startedAt").asString()).isEqualTo("2026-11-22T03:00:00Z");
		assertThat(json.get("finishedAt").asString()).isEqualTo("2026-11-22T03:00:09Z");
		assertThat(json.get("status").asString()).isEqualTo("fail");
		assertThat(json.get("exitCode").asInt()).isEqualTo(1);
		assertThat(strings(json.get("reasons")))
			.containsExactly("1 repository carries a pin but is neither enumerated nor exempt: " + PREFIX + "rogue");
	}

	@Test
	void forge() {
		JsonNode forge = parse(ReportFixtures.failRun()).get("forge");
		assertThat(forge.propertyNames()).containsExactly("type", "baseUrl", "org", "repoPrefix");
		assertThat(forge.get("type").asString()).isEqualTo("gitea");
		assertThat(forge.get("baseUrl").asString()).isEqualTo("https://git.example.com");
		assertThat(forge.get("org").asString()).isEqualTo("molecule-ai");
		assertThat(forge.get("repoPrefix").asString()).isEqualTo(PREFIX);
	}

	@Test
	void resolvedSsot() {
		JsonNode ssot = parse(ReportFixtures.failRun()).get("ssot");
		assertThat(ssot.propertyNames()).containsExactly("resolved", "version", "source", "tag", "publishedAt");
		assertThat(ssot.get("resolved").isBoolean()).isTrue();
		assertThat(ssot.get("resolved").asBoolean()).isTrue();
		assertThat(ssot.get("version").asString()).isEqualTo("0.3.27");
		assertThat(ssot.get("source").asString()).isEqualTo("release-tag");
		assertThat(ssot.get("tag").asString()).isEqualTo("runtime-v0.3.27");
		assertThat(ssot.get("publishedAt").asString()).isEqualTo("2026-06-10T12:00:00Z");
	}

	@Test
	void unresolvedSsotHasNullsAndTheProblem() {
		JsonNode json = parse(ReportFixtures.unresolvedRun());
		JsonNode ssot = json.get("ssot");
		assertThat(ssot.propertyNames()).containsExactly("resolved", "version", "source", "tag", "publishedAt", "problem");
		assertThat(ssot.get("resolved").asBoolean()).isFalse();
		assertThat(ssot.get("version").isNull()).isTrue();
		assertThat(ssot.get("source").isNull()).isTrue();
		assertThat(ssot.get("tag").isNull()).isTrue();
		assertThat(ssot.get("publishedAt").isNull()).isTrue();
		assertThat(ssot.get("problem").asString()).isEqualTo("no runtime-v tag and no version in pyproject.toml");
		assertThat(json.get("status").asString()).isEqualTo("error");
		assertThat(json.get("exitCode").asInt()).isEqualTo(2);
		assertThat(json.get("repos").get(0).get("lag").isNull()).isTrue();
	}

	@Test
	void countsHaveTheContractKeysThenUnknown() {
		JsonNode counts = parse(ReportFixtures.failRun()).get("counts");
		assertThat(counts.propertyNames()).containsExactly("enumerated", "exempt", "unlisted-pinned", "clean", "unknown");
		assertThat(List.of(counts.get("enumerated").asInt(), counts.get("exempt").asInt(),
				counts.get("unlisted-pinned").asInt(), counts.get("clean").asInt(), counts.get("unknown").asInt()))
			.containsExactly(5, 1, 2, 1, 0);
		assertThat(parse(ReportFixtures.unreadableRun()).get("counts").get("unknown").asInt()).isEqualTo(1);
	}

	@Test
	void reposSortedByName() {
		JsonNode repos = parse(ReportFixtures.failRun()).get("repos");
		List<String> names = new ArrayList<>();
		repos.forEach(repo -> names.add(repo.get("name").asString()));
		assertThat(names).containsExactly(PREFIX + "broken", PREFIX + "claude-code", PREFIX + "crewai", PREFIX + "docs",
				PREFIX + "langgraph", PREFIX + "legacy", PREFIX + "rogue", PREFIX + "seo-agent", "molecule-core");
	}

	@Test
	void repoWithPinLagAndFindings() {
		JsonNode repo = repo(parse(ReportFixtures.failRun()), PREFIX + "langgraph");
		assertThat(repo.propertyNames()).containsExactly("name", "classification", "archived", "pin", "lag", "findings",
				"contracts", "proposal");
		assertThat(repo.get("classification").asString()).isEqualTo("enumerated");
		assertThat(repo.get("archived").isBoolean()).isTrue();
		assertThat(repo.get("archived").asBoolean()).isFalse();
		assertThat(repo.get("pin").asString()).isEqualTo("0.3.11");
		JsonNode lag = repo.get("lag");
		assertThat(lag.propertyNames()).containsExactly("releases", "days", "level");
		assertThat(lag.get("releases").asInt()).isEqualTo(16);
		assertThat(lag.get("days").asLong()).isEqualTo(41);
		assertThat(lag.get("level").asString()).isEqualTo("patch");
		JsonNode finding = repo.get("findings").get(0);
		assertThat(finding.propertyNames()).containsExactly("code", "severity", "message");
		assertThat(finding.get("code").asString()).isEqualTo("pin-drift");
		assertThat(finding.get("severity").asString()).isEqualTo("warning");
		assertThat(finding.get("message").asString()).isEqualTo("pinned 0.3.11, 16 releases behind 0.3.27");
		assertThat(repo.get("findings").get(1).get("code").asString()).isEqualTo("lag-exceeded");
	}

	@Test
	void nullsAreWrittenNotLeftOut() {
		JsonNode json = parse(ReportFixtures.failRun());
		JsonNode exempt = repo(json, PREFIX + "seo-agent");
		assertThat(exempt.has("pin")).isTrue();
		assertThat(exempt.get("pin").isNull()).isTrue();
		assertThat(exempt.has("lag")).isTrue();
		assertThat(exempt.get("lag").isNull()).isTrue();
		assertThat(exempt.get("findings").isEmpty()).isTrue();
		assertThat(repo(json, PREFIX + "crewai").get("lag").get("days").isNull()).isTrue();
		assertThat(repo(json, PREFIX + "broken").get("lag").isNull()).isTrue();
	}

	@Test
	void archivedRepoAndErrorFinding() {
		JsonNode legacy = repo(parse(ReportFixtures.failRun()), PREFIX + "legacy");
		assertThat(legacy.get("archived").asBoolean()).isTrue();
		assertThat(legacy.get("classification").asString()).isEqualTo("unlisted-pinned");
		assertThat(legacy.get("findings").get(0).get("severity").asString()).isEqualTo("error");
	}

	@Test
	void passHasNoReasons() {
		JsonNode json = parse(ReportFixtures.passRun());
		assertThat(json.get("status").asString()).isEqualTo("pass");
		assertThat(json.get("exitCode").asInt()).isEqualTo(0);
		assertThat(json.get("reasons").isArray()).isTrue();
		assertThat(json.get("reasons").isEmpty()).isTrue();
	}

	@Test
	void unfinishedRunHasNoFinishTime() {
		RunReport report = ReportFixtures.failRun();
		RunReport unfinished = new RunReport(report.runId(), report.startedAt(), null, report.status(),
				report.reasons(), report.forge(), report.ssot(), report.repos());
		assertThat(parse(unfinished).get("finishedAt").isNull()).isTrue();
	}

	private JsonNode parse(RunReport report) {
		String text = renderer.json(report);
		assertThat(text).endsWith("}\n");
		return mapper.readTree(text);
	}

	private static JsonNode repo(JsonNode json, String name) {
		for (JsonNode repo : json.get("repos")) {
			if (repo.get("name").asString().equals(name)) {
				return repo;
			}
		}
		throw new AssertionError("no repo " + name);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach(node -> strings.add(node.asString()));
		return strings;
	}
}
