package ai.molecule.drift.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.forge.FakeGitea;

/**
 * What a command costs as a whole process, started as the README starts it and as plain {@code java -jar}:
 * {@code help}, {@code history trend --demo}, {@code scan --demo}, and a real scan's start-up to its first
 * request. Medians of {@link #RUNS} runs after a warm-up; CPU is the children's time as the shell counts it.
 */
final class StartupBenchmark {

	static final int RUNS = Integer.getInteger("bench.startup-runs", 5);

	/** {@code times} prints the shell's own times, then its children's: "0m1.234s 0m0.056s". */
	private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

	private StartupBenchmark() {
	}

	/** One command's figures: medians, with the range. */
	record Figures(String command, String launch, double[] wall, double[] cpu) {

		double wallMedian() {
			return median(wall);
		}

		double cpuMedian() {
			return median(cpu);
		}

		String range(double[] values) {
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", median(values), sorted[0], sorted[sorted.length - 1]);
		}
	}

	static String measure(List<StartupCaches.Launch> launches, Duration latency) throws Exception {
		List<Figures> figures = new ArrayList<>();
		for (StartupCaches.Launch launch : launches) {
			Path work = Files.createTempDirectory("bench-startup-");
			Figures help = command(launch, work, "help");
			figures.add(help);
			// scan --demo first: history trend --demo reads the history it writes.
			figures.add(command(launch, work, "scan", "--demo"));
			figures.add(command(launch, work, "history", "trend", "--demo"));
			figures.add(firstRequest(launch, work, latency));
		}
		StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
				"%nCommands as whole processes, median (min-max) of %d runs after a warm-up:%n%n", RUNS));
		md.append("| command | started as | wall (s) | CPU (s) | wall / help's | CPU / help's |\n|---|---|---|---|---|---|\n");
		for (Figures f : figures) {
			Figures help = figures.stream().filter((h) -> h.launch().equals(f.launch()) && h.command().equals("help"))
				.findFirst()
				.orElseThrow();
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.1f |%n", f.command(), f.launch(),
					f.range(f.wall()), f.range(f.cpu()), f.wallMedian() / help.wallMedian(),
					f.cpuMedian() / help.cpuMedian()));
		}
		return md.toString();
	}

	private static Figures command(StartupCaches.Launch launch, Path work, String... arguments) throws Exception {
		double[] wall = new double[RUNS];
		double[] cpu = new double[RUNS];
		for (int run = -1; run < RUNS; run++) {
			ProcessBuilder builder = launch.process(List.of(), List.of(arguments));
			List<String> shell = new ArrayList<>(List.of("bash", "-c", "\"$@\" >/dev/null 2>&1; times", "bash"));
			shell.addAll(builder.command());
			builder.command(shell).directory(work.toFile()).redirectErrorStream(true);
			long started = System.nanoTime();
			Process process = builder.start();
			String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", arguments) + " did not finish");
			}
			if (run >= 0) {
				wall[run] = (System.nanoTime() - started) / 1e9;
				cpu[run] = childCpuSeconds(times);
			}
		}
		return new Figures(String.join(" ", arguments), launch.name(), wall, cpu);
	}

	/** A real scan (100 repositories on the fake Gitea): the time from the process's start to its first request. */
	private static Figures firstRequest(StartupCaches.Launch launch, Path work, Duration latency) throws Exception {
		double[] wall = new double[RUNS];
		double[] cpu = new double[RUNS];
		Path policy = work.resolve("drift-policy.yml");
		for (int run = -1; run < RUNS; run++) {
			try (FakeGitea gitea = BenchOrg.serve(100, latency, true, policy)) {
				ProcessBuilder builder = launch.process(List.of(), List.of("scan",
						"--drift.forge.base-url=" + gitea.baseUrl(), "--drift.policy-file=" + policy,
						"--drift.report.dir=" + work.resolve("scan-reports"),
						"--spring.datasource.url=jdbc:h2:file:" + work.resolve("scan-data/consumer-drift")));
				long started = System.nanoTime();
				Process process = builder.directory(work.toFile()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				while (gitea.requests().isEmpty() && process.isAlive()) {
					Thread.sleep(1);
				}
				double toFirstRequest = (System.nanoTime() - started) / 1e9;
				double cpuThen = process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
				}
				if (run >= 0) {
					wall[run] = toFirstRequest;
					cpu[run] = cpuThen;
				}
			}
		}
		return new Figures("scan (to its first request)", launch.name(), wall, cpu);
	}

	private static double childCpuSeconds(String times) throws IOException {
		Matcher matcher = CHILD_TIMES.matcher(times.strip());
		if (!matcher.find()) {
			throw new IOException("no times in: " + times);
		}
		return Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
				+ Integer.parseInt(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}
}
