package ai.molecule.drift.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The benchmark's table, in Markdown, with the machine it ran on. */
final class BenchReport {

	private BenchReport() {
	}

	static String markdown(List<ScanBenchmark.Result> results, Duration latency, ServerCheck server) {
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "Added latency %d ms per request. Fake server: %.2f ms per request of its own "
				+ "(sequential, no latency, loopback); a warm client's round trip with the latency, %d at a time: "
				+ "%.2f ms (the floor for any scan's request). Machine: %d cores, Java %s, %s.%n%n", latency.toMillis(),
				server.ownMillis(), ScanBenchmark.CONCURRENCY, server.roundTripMillis(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch")));
		md.append("| run | started as | repos | concurrency | heap limit | wall (s) | requests | requests/repo | ideal (s) | efficiency | "
				+ "peak heap (MiB) | start-up to first request (s) | job CPU after it (s) | job CPU in all (s) | server CPU (s) | exit |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (ScanBenchmark.Result r : results) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.2f | %d | %.2f | %.2f | %.2f | %d | %.2f | %.2f | %.2f | %.2f | %d |%n",
					r.label(), r.launch(), r.repos(), r.concurrency(), r.heap() == null ? "default" : r.heap(), r.wallSeconds(),
					r.requests(), r.requestsPerRepo(), r.idealSeconds(), r.efficiency(), r.peakHeapMiB(),
					r.startupSeconds(), r.jobCpuSeconds(), r.totalCpuSeconds(), r.serverCpuSeconds(), r.exitCode()));
		}
		ScanBenchmark.Result concurrent = find(results, "N=1000");
		ScanBenchmark.Result sequential = find(results, "N=1000 sequential");
		if (concurrent != null && sequential != null) {
			md.append(String.format(Locale.ROOT, "%nSpeed-up of concurrency %d over the sequential scan at N=1000: %.1fx%n",
					concurrent.concurrency(), sequential.wallSeconds() / concurrent.wallSeconds()));
		}
		return md.toString();
	}

	private static ScanBenchmark.Result find(List<ScanBenchmark.Result> results, String label) {
		return results.stream().filter(r -> r.label().equals(label)).findFirst().orElse(null);
	}
}
