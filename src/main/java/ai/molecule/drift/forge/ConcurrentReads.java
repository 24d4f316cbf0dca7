package ai.molecule.drift.forge;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import ai.molecule.drift.logging.MdcTaskDecorator;

/** Reads started on another thread, whose failures reach the caller as they were thrown there. */
public final class ConcurrentReads {

	private ConcurrentReads() {
	}

	/** Starts {@code read} on a new daemon thread that logs with the caller's run id. */
	public static <T> CompletableFuture<T> start(String threadName, Supplier<T> read) {
		return CompletableFuture.supplyAsync(read, (task) -> {
			Thread thread = new Thread(new MdcTaskDecorator().decorate(task), threadName);
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** The read's result, waiting for it; its exception (a {@link ForgeException}, say) is rethrown as is. */
	public static <T> T join(CompletableFuture<T> read) {
		try {
			return read.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}
}
