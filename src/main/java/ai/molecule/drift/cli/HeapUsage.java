package ai.molecule.drift.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The JVM's own accounting of heap use, for sizing the container and checking the memory target. */
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
}
