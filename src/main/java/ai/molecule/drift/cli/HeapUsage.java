package ai.molecule.drift.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The JVM's own accounting of heap and CPU use, for sizing the container and checking the benchmark targets. */
final class HeapUsage {

	private static final long MIB = 1024 * 1024;

	private HeapUsage() {
	}

	/** Sum of the heap pools' peak usage since the JVM started. */
	static long peakMiB() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong(usage -> usage.getUsed())
			.sum() / MIB;
	}

	static long maxMiB() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MIB;
	}

	/** CPU time of the whole process so far, in milliseconds, or -1 where the JVM does not say. */
	static long processCpuMillis() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			long nanos = os.getProcessCpuTime();
			return nanos < 0 ? -1 : nanos / 1_000_000;
		}
		return -1;
	}
}
