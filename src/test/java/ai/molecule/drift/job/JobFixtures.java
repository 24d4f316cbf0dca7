package ai.molecule.drift.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import ai.molecule.drift.forge.FakeGitea;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the job tests share: the runtime's releases on a fake Gitea, and reading the JSON report back. */
final class JobFixtures {

	static final String ORG = "molecule-ai";

	static final String T = "molecule-ai-workspace-template-";

	static final String RUNTIME = "molecule-ai-workspace-runtime";

	static final Instant SSOT_DATE = Instant.parse("2026-06-10T12:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JobFixtures() {
	}

	/** Releases 0.3.0 .. 0.3.27 three days apart, the last on {@link #SSOT_DATE}; a stale pyproject.toml. */
	static void runtimeReleases(FakeGitea gitea) {
		gitea.repo(ORG, RUNTIME).file("pyproject.toml", "[project]\nname = \"molecule-ai-workspace-runtime\"\nversion = \"0.3.20\"\n");
		for (int patch = 0; patch <= 27; patch++) {
			Instant date = SSOT_DATE.minus((27 - patch) * 3L, ChronoUnit.DAYS);
			gitea.tag(ORG, RUNTIME, "runtime-v0.3." + patch, date.minus(1, ChronoUnit.HOURS));
			gitea.release(ORG, RUNTIME, "runtime-v0.3." + patch, date, false, false);
		}
	}

	static JsonNode report(Path reportDir) throws IOException {
		return JSON.readTree(Files.readString(reportDir.resolve("drift-report.json")));
	}

	static JsonNode repo(JsonNode report, String name) {
		for (JsonNode repo : report.get("repos")) {
			if (repo.get("name").asString().equals(name)) {
				return repo;
			}
		}
		throw new AssertionError("no repo " + name + " in the report");
	}

	static List<String> names(JsonNode report) {
		List<String> names = new ArrayList<>();
		report.get("repos").forEach(r -> names.add(r.get("name").asString()));
		return names;
	}

	/** Every file under the folder, as text. */
	static String allText(Path dir) throws IOException {
		StringBuilder text = new StringBuilder();
		try (var files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
			}
		}
		return text.toString();
	}
}
