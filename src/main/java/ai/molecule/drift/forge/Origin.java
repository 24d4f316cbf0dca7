package ai.molecule.drift.forge;

import java.net.URI;
import java.util.Locale;

/**
 * The scheme, host and port of a URL: the unit of trust for the token, which is sent to the
 * configured forge's origin and to nothing else.
 */
record Origin(String scheme, String host, int port) {

	static Origin of(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return new Origin(scheme, host, effectivePort(scheme, uri.getPort()));
	}

	private static int effectivePort(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return switch (scheme) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
	}

	/** {@code host:port}, for messages; never carries user info, path or query. */
	@Override
	public String toString() {
		return host + ":" + port;
	}
}
