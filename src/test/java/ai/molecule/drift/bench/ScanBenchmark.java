package ai.molecule.drift.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.forge.FakeGitea;

/**
 * Runs the packaged jar, as a process, against a fake Gitea with added latency and prints what the
 * scan costs: wall time, requests, efficiency against the network's limit, heap, start-up. Not a
 * test: run it with {@code mvn -B -Pbench verify} (see docs/performance.md, "The scan");
 * {@code -Dbench.only=REGEX} runs only the runs whose label matches.
 */
public final class ScanBenchmark {

	/** The job's {@code drift.scan.concurrency} in every run but the sequential one. */
	static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);

	private static final Duration LATENCY = Duration.ofMillis(Integer.getInteger("bench.latency-ms", 20));

	private static final Pattern PEAK_HEAP = Pattern.compile("Peak heap used: (\\d+) MiB");

	private static final Pattern CPU_TIME = Pattern.compile("CPU time used: (\\d+) ms");

	/**
	 * The options the container image starts the job with (its {@code ENTRYPOINT}; {@code ImageTests}
	 * keeps the two in step) that bear on speed: the serial collector and C1 only.
	 */
	public static final List<String> IMAGE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	/** Extra JVM options for the job, e.g. {@code -Dbench.jvm-args="-XX:StartFlightRecording=filename=x.jfr"}. */
	private static final List<String> JVM_ARGS = List.of(System.getProperty("bench.jvm-args", "").trim().split("\\s+"))
		.stream()
		.filter(arg -> !arg.isEmpty())
		.toList();

	private ScanBenchmark() {
	}

	/** One measured scan. */
	record Result(String label, String launch, int repos, int concurrency, String heap, boolean batch, double wallSeconds,
			double startupSeconds, int requests, long peakHeapMiB, double jobCpuSeconds, double totalCpuSeconds,
			double serverCpuSeconds, int exitCode) {

		double requestsPerRepo() {
			return (double) requests / repos;
		}

		double idealSeconds() {
			return requests * LATENCY.toMillis() / 1000.0 / concurrency;
		}

		double efficiency() {
			return idealSeconds() / wallSeconds;
		}
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args.length > 0 ? args[0] : "target/consumer-drift.jar").toAbsolutePath();
		Path out = Path.of("target/bench");
		Files.createDirectories(out);
		// First, so that the fake's own code is compiled before it serves a measured run.
		ServerCheck server = ServerCheck.measure(LATENCY, CONCURRENCY);
		StartupCaches.Launch jarLaunch = StartupCaches.plain(Path.of(javaBin()), jar);
		List<Result> results = new ArrayList<>();
		results.add(run(jarLaunch, out, "N=100", 100, CONCURRENCY, null, true));
		results.add(run(jarLaunch, out, "N=1000", 1000, CONCURRENCY, null, true));
		// The same scan started as the README starts it, and as the first round's README did.
		results.add(run(StartupCaches.readme(Path.of(javaBin()), jar), out, "N=1000 README way", 1000, CONCURRENCY,
				null, true));
		results.add(run(StartupCaches.bare(Path.of(javaBin()), jar), out, "N=1000 java -jar", 1000, CONCURRENCY, null,
				true));
		results.add(run(jarLaunch, out, "N=1000 sequential", 1000, 1, null, true));
		results.add(run(jarLaunch, out, "N=1000 Gitea < 1.24", 1000, CONCURRENCY, null, false));
		// A third of the templates (every consumer) vendors the control plane's registry with a lock.
		results.add(run(jarLaunch, out, "N=1000 contracts", 1000, CONCURRENCY, null, true, true));
		results.add(run(jarLaunch, out, "N=5000", 5000, CONCURRENCY, null, true));
		results.add(run(jarLaunch, out, "N=5000 -Xmx128m", 5000, CONCURRENCY, "128m", true));
		// Start-up, before and after: the N=100 scan again, started as the container image starts it.
		Path caches = out.resolve("startup");
		if (selected("N=100 CDS")) {
			results.add(run(StartupCaches.cds(Path.of(javaBin()), jar, caches), out, "N=100 CDS", 100, CONCURRENCY,
					null, true));
		}
		Optional<Path> aotJava = StartupCaches.aotJava();
		if (aotJava.isPresent() && selected("N=100 JDK 25+")) {
			results.add(run(StartupCaches.plain(aotJava.get(), jar), out, "N=100 JDK 25+", 100, CONCURRENCY, null, true));
		}
		if (aotJava.isPresent() && selected("N=100 JDK 25+ AOT cache")) {
			results.add(run(StartupCaches.aotCache(aotJava.get(), jar, caches), out, "N=100 JDK 25+ AOT cache", 100,
					CONCURRENCY, null, true));
		}
		results.removeIf(java.util.Objects::isNull);
		String table = BenchReport.markdown(results, LATENCY, server);
		if (selected("start-up")) {
			table += StartupBenchmark.measure(List.of(StartupCaches.readme(Path.of(javaBin()), jar),
					StartupCaches.bare(Path.of(javaBin()), jar)), LATENCY);
		}
		Files.writeString(out.resolve("results.md"), table);
		System.out.println(table);
	}

	private static boolean selected(String label) {
		return label.matches(System.getProperty("bench.only", ".*"));
	}

	private static Result run(StartupCaches.Launch launch, Path out, String label, int repos, int concurrency,
			String heap, boolean batch) throws IOException, InterruptedException {
		return run(launch, out, label, repos, concurrency, heap, batch, false);
	}

	private static Result run(StartupCaches.Launch launch, Path out, String label, int repos, int concurrency,
			String heap, boolean batch, boolean contracts) throws IOException, InterruptedException {
		if (!selected(label)) {
			return null;
		}
		Path work = Files.createTempDirectory("bench-");
		Path policy = work.resolve("drift-policy.yml");
		try (FakeGitea gitea = BenchOrg.serve(repos, LATENCY, batch, policy, contracts)) {
			List<String> extra = new ArrayList<>(JVM_ARGS);
			if (heap != null) {
				extra.add(0, "-Xmx" + heap);
			}
			ProcessBuilder builder = launch.process(extra, List.of("scan", "--drift.forge.base-url=" + gitea.baseUrl(),
					"--drift.policy-file=" + policy, "--drift.report.dir=" + work.resolve("reports"),
					"--drift.scan.concurrency=" + concurrency,
					"--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/consumer-drift"),
					// The peak heap line is a routine figure, logged at DEBUG.
					"--logging.level.ai.molecule.drift.cli.ScanCommand=DEBUG"));
			Path log = out.resolve(label.replaceAll("[^A-Za-z0-9=.-]+", "_") + ".log");
			long started = System.nanoTime();
			long serverCpuBefore = ownCpuNanos();
			Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			while (gitea.requests().isEmpty() && process.isAlive()) {
				Thread.sleep(1);
			}
			long firstRequest = System.nanoTime();
			// What the job spent on start-up, so that its CPU during the run can be told apart.
			Duration startupCpu = process.info().totalCpuDuration().orElse(Duration.ZERO);
			if (!process.waitFor(30, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(label + " did not finish in 30 minutes");
			}
			long ended = System.nanoTime();
			double serverCpu = (ownCpuNanos() - serverCpuBefore) / 1e9;
			String output = Files.readString(log);
			Matcher peak = PEAK_HEAP.matcher(output);
			Matcher cpu = CPU_TIME.matcher(output);
			Result result = new Result(label, launch.name(), repos, concurrency, heap, batch, (ended - firstRequest) / 1e9,
					(firstRequest - started) / 1e9, gitea.requests().size(), peak.find() ? Long.parseLong(peak.group(1)) : -1,
					cpu.find() ? Long.parseLong(cpu.group(1)) / 1000.0 - startupCpu.toMillis() / 1000.0 : -1,
					cpu.find(0) ? Long.parseLong(cpu.group(1)) / 1000.0 : -1, serverCpu, process.exitValue());
			System.out.printf(Locale.ROOT, "%-22s %6.2f s, %5d requests, exit %d%n", label, result.wallSeconds(),
					result.requests(), result.exitCode());
			return result;
		}
	}

	/** CPU time of this JVM, which is the fake server's while a run is in progress. */
	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
