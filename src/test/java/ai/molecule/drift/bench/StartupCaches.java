package ai.molecule.drift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the platform offers against start-up time, prepared the way the container image does it
 * (see the Dockerfile): the jar extracted by Spring Boot's {@code jarmode=tools}, then a training run
 * to the end of start-up that records a CDS archive (JDK 17) or an AOT cache (JDK 24 and later).
 */
final class StartupCaches {

	private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

	private StartupCaches() {
	}

	/**
	 * How a run starts the job: a {@code java} binary, options, and the jar; or a launcher script, which
	 * takes extra JVM options from {@code JAVA_OPTS}.
	 */
	record Launch(String name, Path java, List<String> options, Path jar, Path launcher) {

		Launch(String name, Path java, List<String> options, Path jar) {
			this(name, java, options, jar, null);
		}

		List<String> command() {
			List<String> command = new ArrayList<>();
			if (launcher != null) {
				command.add(launcher.toString());
				return command;
			}
			command.add(java.toString());
			command.addAll(options);
			command.addAll(List.of("-jar", jar.toString()));
			return command;
		}

		/** The process, with extra JVM options in their place. */
		ProcessBuilder process(List<String> jvmOptions, List<String> arguments) {
			List<String> command = command();
			if (launcher == null) {
				command.addAll(command.indexOf("-jar"), jvmOptions);
			}
			command.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(command);
			if (launcher != null) {
				builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions));
				builder.environment().put("JAVA_HOME", java.toAbsolutePath().getParent().getParent().toString());
			}
			return builder;
		}
	}

	/** The README's way: {@code bin/consumer-drift}, over what {@code mvn package} prepared beside the jar. */
	static Launch readme(Path java, Path jar) {
		Path launcher = jar.toAbsolutePath().getParent().resolveSibling("bin/consumer-drift");
		return new Launch("bin/consumer-drift (" + jdk(java) + ")", java, List.of(), jar, launcher);
	}

	/** {@code java -jar}, no options: how the first round's README ran it. */
	static Launch bare(Path java, Path jar) {
		return new Launch(jdk(java) + ", java -jar, no options", java, List.of(), jar);
	}

	static Launch plain(Path java, Path jar) {
		return new Launch(jdk(java) + ", jar", java, ScanBenchmark.IMAGE_JVM_OPTIONS, jar);
	}

	/** The extracted jar with a dynamic CDS archive (Spring Boot's CDS support, any JDK from 13). */
	static Launch cds(Path java, Path jar, Path work) throws IOException, InterruptedException {
		Path extracted = extract(java, jar, work.resolve("cds"));
		Path archive = work.resolve("cds/consumer-drift.jsa");
		train(java, extracted, "-XX:ArchiveClassesAtExit=" + archive);
		return new Launch(jdk(java) + ", extracted + CDS archive", java, with("-XX:SharedArchiveFile=" + archive), extracted);
	}

	/** The extracted jar with a JDK 24+ AOT cache, as the image runs it (Temurin 25 there). */
	static Launch aotCache(Path java, Path jar, Path work) throws IOException, InterruptedException {
		Path extracted = extract(java, jar, work.resolve("aot"));
		Path cache = work.resolve("aot/consumer-drift.aot");
		train(java, extracted, "-XX:AOTCacheOutput=" + cache);
		return new Launch(jdk(java) + ", extracted + AOT cache", java, with("-XX:AOTCache=" + cache), extracted);
	}

	/**
	 * A JDK 24 or later for the AOT cache rows: {@code -Dbench.aot-java=<java home>}, else the newest
	 * one found under {@code /usr/lib/jvm}; empty when there is none.
	 */
	static Optional<Path> aotJava() throws IOException {
		String configured = System.getProperty("bench.aot-java", "");
		if (!configured.isBlank()) {
			return Optional.of(Path.of(configured, "bin", "java"));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.filter((home) -> majorVersion(home) >= 24)
				.max((a, b) -> Integer.compare(majorVersion(a), majorVersion(b)))
				.map((home) -> home.resolve("bin/java"))
				.filter(Files::isExecutable);
		}
	}

	private static String jdk(Path java) {
		return "JDK " + majorVersion(java.toAbsolutePath().getParent().getParent());
	}

	private static int majorVersion(Path javaHome) {
		try {
			Matcher version = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
			return version.find() ? Integer.parseInt(version.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static List<String> with(String option) {
		List<String> options = new ArrayList<>(ScanBenchmark.IMAGE_JVM_OPTIONS);
		options.add(option);
		return options;
	}

	private static Path extract(Path java, Path jar, Path dir) throws IOException, InterruptedException {
		run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
				dir.toString()), dir.resolveSibling(dir.getFileName() + "-extract.log"));
		return dir.resolve(jar.getFileName());
	}

	/** Starts the job up to a refreshed context and no further, recording what the next starts reuse. */
	private static void train(Path java, Path extracted, String recordOption) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(ScanBenchmark.IMAGE_JVM_OPTIONS);
		// Settings the scan's pre-flight check accepts: an empty org and policy.
		Path policy = Files.writeString(extracted.resolveSibling("training-policy.yml"), "consumers: []\n");
		command.addAll(List.of(recordOption, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "scan",
				"--spring.datasource.url=jdbc:h2:mem:training", "--drift.forge.type=local",
				"--drift.forge.root=" + extracted.getParent(), "--drift.policy-file=" + policy,
				"--drift.report.dir=" + extracted.resolveSibling("training-reports")));
		run(command, extracted.resolveSibling("training.log"));
	}

	private static void run(List<String> command, Path log) throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
		}
	}
}
