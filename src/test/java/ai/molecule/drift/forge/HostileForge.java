package ai.molecule.drift.forge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers the way a broken or hostile forge can: pages that
 * shift or never end, counts that lie, gzip bombs, endless or oversized bodies, and answers that
 * trickle in a byte at a time, headers included. Raw sockets, one request per connection, so that
 * every byte's timing is the test's to choose. Not shaped like Gitea beyond what a test writes.
 * <pre>
 * try (HostileForge forge = HostileForge.start((target) -> HostileForge.json("[]"))) { ... }
 * </pre>
 */
public final class HostileForge implements AutoCloseable {

	/** Writes one whole answer, status line included, to the connection. */
	@FunctionalInterface
	public interface Answer {

		void write(OutputStream out) throws IOException;
	}

	private final ServerSocket server;

	private final ExecutorService pool = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "hostile-forge");
		thread.setDaemon(true);
		return thread;
	});

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private volatile Function<String, Answer> routes;

	private HostileForge(Function<String, Answer> routes) throws IOException {
		this.routes = routes;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		pool.execute(this::accept);
	}

	/** Starts a server whose answer to each request target ({@code /api/v1/...?query}) {@code routes} chooses. */
	public static HostileForge start(Function<String, Answer> routes) throws IOException {
		return new HostileForge(routes);
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getLocalPort());
	}

	/** Replaces the answers, for a second act. */
	public void routes(Function<String, Answer> routes) {
		this.routes = routes;
	}

	/** Request targets received so far that contain {@code part}. */
	public List<String> requests(String part) {
		return requests.stream().filter((target) -> target.contains(part)).toList();
	}

	@Override
	public void close() throws IOException {
		server.close();
		pool.shutdownNow();
	}

	/** A 200 JSON answer with a {@code Content-Length}. */
	public static Answer json(String body, String... headers) {
		return status(200, body, headers);
	}

	public static Answer status(int status, String body, String... headers) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (out) -> {
			head(out, status, headers, "Content-Type: application/json", "Content-Length: " + bytes.length);
			out.write(bytes);
		};
	}

	/** A JSON array of Gitea repositories with these names. */
	public static String repos(String... names) {
		return Arrays.stream(names)
			.map((name) -> "{\"name\":\"" + name + "\",\"default_branch\":\"main\",\"archived\":false,\"empty\":false}")
			.collect(Collectors.joining(",", "[", "]"));
	}

	/** A small gzip body that inflates to {@code inflated} bytes of JSON-looking spaces, sent as it is compressed. */
	public static Answer gzipBomb(long inflated) {
		return (out) -> {
			head(out, 200, new String[0], "Content-Type: application/json", "Content-Encoding: gzip",
					"Transfer-Encoding: chunked");
			ChunkedStream chunked = new ChunkedStream(out);
			GZIPOutputStream gzip = new GZIPOutputStream(chunked, 65536) {
				{
					def.setLevel(Deflater.BEST_COMPRESSION);
				}
			};
			byte[] spaces = new byte[1 << 20];
			Arrays.fill(spaces, (byte) ' ');
			gzip.write('[');
			for (long sent = 0; sent < inflated; sent += spaces.length) {
				gzip.write(spaces);
			}
			gzip.write(']');
			gzip.finish();
			chunked.end();
		};
	}

	/** A chunked body that never ends: {@code [{"name":"x"},...} until the client hangs up. */
	public static Answer endlessChunked() {
		return (out) -> {
			head(out, 200, new String[0], "Content-Type: application/json", "Transfer-Encoding: chunked");
			ChunkedStream chunked = new ChunkedStream(out);
			chunked.write('[');
			byte[] item = "{\"name\":\"x\"},".repeat(1000).getBytes(StandardCharsets.UTF_8);
			while (true) {
				chunked.write(item);
			}
		};
	}

	/** A JSON array of {@code count} empty objects: small on the wire for what it costs as a tree. */
	public static Answer hugeArray(int count) {
		return json("[" + "{},".repeat(count - 1) + "{}]");
	}

	/** Headers at once, then a body of {@code length} bytes, one byte every {@code every}. */
	public static Answer trickleBody(int length, Duration every) {
		return (out) -> {
			head(out, 200, new String[0], "Content-Type: application/json", "Content-Length: " + length);
			for (int i = 0; i < length; i++) {
				out.write(' ');
				out.flush();
				sleep(every);
			}
		};
	}

	/** The status line and headers one byte every {@code every}, forever (a header that never ends). */
	public static Answer trickleHeaders(Duration every) {
		return (out) -> {
			out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
			while (true) {
				out.write('a');
				out.flush();
				sleep(every);
			}
		};
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				pool.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			String line = in.readLine();
			if (line == null) {
				return;
			}
			String target = line.split(" ")[1];
			int length = 0;
			for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
				if (header.toLowerCase().startsWith("content-length:")) {
					length = Integer.parseInt(header.substring(15).strip());
				}
			}
			in.skip(length);
			requests.add(target);
			OutputStream out = socket.getOutputStream();
			routes.apply(target).write(out);
			out.flush();
		}
		catch (IOException | RuntimeException ex) {
			// The client hung up, as it should on an endless or oversized answer.
		}
	}

	private static void head(OutputStream out, int status, String[] extra, String... headers) throws IOException {
		StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\nConnection: close\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		for (String header : extra) {
			head.append(header).append("\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	private static void sleep(Duration duration) throws IOException {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("stopped");
		}
	}

	/** HTTP/1.1 chunked transfer coding over a stream. */
	private static final class ChunkedStream extends OutputStream {

		private final OutputStream out;

		ChunkedStream(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return;
			}
			out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(b, off, len);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		void end() throws IOException {
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}
}
