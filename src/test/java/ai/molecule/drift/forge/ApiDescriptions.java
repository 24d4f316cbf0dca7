package ai.molecule.drift.forge;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The forges' official API descriptions, used as test oracles and obtained reproducibly: GitHub publishes
 * them as npm packages, fetched here with {@code npm pack} at a pinned version, checked against the
 * package's sha512 integrity and cached under {@code target/api-descriptions}. Without npm or the registry
 * a test that needs them is skipped on a developer machine and fails under {@code CI=true}, as the
 * PostgreSQL tests do. {@code .ci/refresh-api-descriptions} prints the newest versions and integrities.
 */
final class ApiDescriptions {

	/** GitHub's GraphQL schema (MIT, GitHub): {@code schema.json} is its introspection result. */
	static final NpmPackage GITHUB_GRAPHQL_SCHEMA = new NpmPackage("@octokit/graphql-schema", "15.26.1",
			"sha512-RFDC2MpRBd4AxSRvUeBIVeBU7ojN/SxDfALUd7iVYOSeEK3gZaqR2MGOysj4Zh2xj2RY5fQAUT+Oqq7hWTraMA==");

	/** GitHub's REST API description (MIT, GitHub): {@code generated/api.github.com.json}, OpenAPI 3.0. */
	static final NpmPackage GITHUB_REST_OPENAPI = new NpmPackage("@octokit/openapi", "23.0.2",
			"sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==");

	private static final Path CACHE = Path.of("target/api-descriptions");

	private ApiDescriptions() {
	}

	/**
	 * A pinned npm package.
	 *
	 * @param name its name
	 * @param version the exact version
	 * @param integrity the registry's {@code dist.integrity}: {@code sha512-} and the base64 digest of the tarball
	 */
	record NpmPackage(String name, String version, String integrity) {

		String spec() {
			return name + "@" + version;
		}

		String tarballName() {
			return name.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
		}
	}

	/** One file of the package, such as {@code package/schema.json}. */
	static String file(NpmPackage npmPackage, String path) {
		try {
			Path tarball = tarball(npmPackage);
			return new String(extract(tarball, path), StandardCharsets.UTF_8);
		}
		catch (IOException | InterruptedException ex) {
			String reason = npmPackage.spec() + " could not be obtained: " + ex.getMessage();
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(reason);
			}
			Assumptions.abort(reason);
			throw new IllegalStateException(reason);
		}
	}

	private static synchronized Path tarball(NpmPackage npmPackage) throws IOException, InterruptedException {
		Files.createDirectories(CACHE);
		Path tarball = CACHE.resolve(npmPackage.tarballName());
		if (!Files.isRegularFile(tarball) || !integrity(tarball).equals(npmPackage.integrity())) {
			Process npm = new ProcessBuilder("npm", "pack", npmPackage.spec(), "--pack-destination",
					CACHE.toAbsolutePath().toString(), "--silent").redirectErrorStream(true).start();
			String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!npm.waitFor(3, TimeUnit.MINUTES) || npm.exitValue() != 0) {
				throw new IOException("npm pack failed: " + output.strip());
			}
		}
		String actual = integrity(tarball);
		if (!actual.equals(npmPackage.integrity())) {
			Files.delete(tarball);
			throw new IOException("integrity mismatch: expected " + npmPackage.integrity() + ", got " + actual);
		}
		return tarball;
	}

	private static String integrity(Path file) throws IOException {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file));
			return "sha512-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file from a gzipped tar (ustar headers: name at 0, size in octal at 124, prefix at 345). */
	private static byte[] extract(Path tarball, String path) throws IOException {
		try (InputStream tar = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
			byte[] header = new byte[512];
			while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
				String name = field(header, 0, 100);
				String prefix = field(header, 345, 155);
				long size = Long.parseLong(field(header, 124, 12).trim(), 8);
				String fullName = prefix.isEmpty() ? name : prefix + "/" + name;
				if (fullName.equals(path)) {
					return tar.readNBytes((int) size);
				}
				tar.skipNBytes(size + (512 - size % 512) % 512);
			}
		}
		throw new IOException(path + " is not in " + tarball.getFileName());
	}

	private static String field(byte[] header, int offset, int length) {
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		for (int i = offset; i < offset + length && header[i] != 0; i++) {
			text.write(header[i]);
		}
		return text.toString(StandardCharsets.US_ASCII);
	}
}
