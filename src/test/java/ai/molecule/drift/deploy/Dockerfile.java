package ai.molecule.drift.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The instructions of the project's {@code Dockerfile} that the manifests depend on, read from the
 * file: the final stage's environment, user and run command, and every {@code RUN}.
 *
 * @param runs every {@code RUN} instruction of every stage, continuation lines joined
 * @param env the final stage's {@code ENV} settings
 * @param user the final stage's {@code USER}
 * @param entrypoint the final stage's {@code ENTRYPOINT} (exec form)
 * @param cmd the final stage's {@code CMD} (exec form)
 */
record Dockerfile(List<String> runs, Map<String, String> env, String user, List<String> entrypoint, List<String> cmd) {

	private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");

	static Dockerfile read(Path file) throws IOException {
		List<String> runs = new ArrayList<>();
		Map<String, String> env = new LinkedHashMap<>();
		String user = null;
		List<String> entrypoint = null;
		List<String> cmd = null;
		for (String instruction : instructions(Files.readString(file))) {
			String keyword = instruction.split("\\s+", 2)[0].toUpperCase();
			String args = instruction.substring(keyword.length()).trim();
			switch (keyword) {
				case "FROM" -> {
					// Only the final stage counts for what runs.
					env.clear();
					user = null;
					entrypoint = null;
					cmd = null;
				}
				case "RUN" -> runs.add(args);
				case "ENV" -> {
					Matcher pair = ENV_PAIR.matcher(args);
					while (pair.find()) {
						env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
					}
				}
				case "USER" -> user = args;
				case "ENTRYPOINT" -> entrypoint = execForm(args);
				case "CMD" -> cmd = execForm(args);
				default -> {
				}
			}
		}
		return new Dockerfile(runs, env, user, entrypoint, cmd);
	}

	/** Instructions with comments dropped and continuation lines joined. */
	private static List<String> instructions(String text) {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continued = trimmed.endsWith("\\");
			current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
			if (!continued) {
				instructions.add(current.toString().trim());
				current.setLength(0);
			}
		}
		return instructions;
	}

	private static List<String> execForm(String json) {
		try {
			return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("ENTRYPOINT and CMD must use the exec form (JSON), not a shell: " + json, ex);
		}
	}
}
