package ai.molecule.drift.forge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.HttpEntity;

/**
 * One HTTP exchange held to a total deadline and its body to a size limit counted after
 * decompression. The socket time-out only bounds the gap between two packets, so a server sending a
 * byte every few seconds, an endless body or a small gzip body that inflates to gigabytes would
 * otherwise hold a thread or the heap for as long as it likes.
 * <p>
 * At the deadline the request is aborted from a timer thread: that closes the socket, which is the
 * only way to interrupt a blocked read. The same abort ends an over-long body, because closing a
 * response normally would read (and discard) the rest of it, endless or not.
 */
final class BoundedExchange {

	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "forge-deadline");
		thread.setDaemon(true);
		return thread;
	});

	private static final int BUFFER = 8192;

	private final HttpUriRequestBase request;

	private final long deadlineNanos;

	private final ScheduledFuture<?> timer;

	private volatile boolean expired;

	private BoundedExchange(HttpUriRequestBase request, Duration deadline) {
		this.request = request;
		this.deadlineNanos = System.nanoTime() + deadline.toNanos();
		this.timer = TIMER.schedule(this::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Starts the deadline's clock for {@code request}, which must not have been sent yet. */
	static BoundedExchange start(HttpUriRequestBase request, Duration deadline) {
		return new BoundedExchange(request, deadline);
	}

	/** Whether the deadline passed before the exchange finished. */
	boolean expired() {
		return expired || System.nanoTime() - deadlineNanos > 0;
	}

	/** Stops the clock; call it whatever the outcome. */
	void finish() {
		timer.cancel(false);
	}

	/** Ends the exchange at once, closing its connection rather than reading the rest of the body. */
	void abort() {
		request.abort();
	}

	/**
	 * The body, decompressed, at most {@code limit} bytes; more is a {@link BodyTooLargeException}. An
	 * expired deadline is an {@link IOException}, even when the server's closing the connection made
	 * the cut-off body look complete.
	 */
	byte[] body(HttpEntity entity, long limit) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		long declared = entity.getContentLength();
		if (declared > limit) {
			throw new BodyTooLargeException(declared);
		}
		InputStream in = entity.getContent();
		if (in == null) {
			return new byte[0];
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, BUFFER), limit));
		byte[] buffer = new byte[BUFFER];
		long total = 0;
		for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
			checkDeadline();
			total += n;
			if (total > limit) {
				throw new BodyTooLargeException(-1);
			}
			out.write(buffer, 0, n);
		}
		checkDeadline();
		return out.toByteArray();
	}

	private void checkDeadline() throws IOException {
		if (expired()) {
			throw new IOException("request deadline passed");
		}
	}

	private void expire() {
		expired = true;
		request.abort();
	}

	/** A body over its limit; not retried, since the same request would get the same answer. */
	static final class BodyTooLargeException extends RuntimeException {

		private final long declared;

		BodyTooLargeException(long declared) {
			super(null, null, false, false);
			this.declared = declared;
		}

		/** The {@code Content-Length} the server declared, or -1 when the limit was passed while reading. */
		long declared() {
			return declared;
		}
	}
}
