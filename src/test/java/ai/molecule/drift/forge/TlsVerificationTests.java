package ai.molecule.drift.forge;

import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** TLS verification is never disabled: a forge with a certificate nobody vouches for gets no request, and no token. */
class TlsVerificationTests {

	@TempDir
	Path dir;

	@Test
	void aSelfSignedForgeIsRefusedBeforeAnyRequest() throws Exception {
		char[] password = "changeit".toCharArray();
		Path keystore = dir.resolve("forge.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "forge", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
				"-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
				"-storepass", "changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).isZero();

		KeyStore store = KeyStore.getInstance("PKCS12");
		try (FileInputStream in = new FileInputStream(keystore.toFile())) {
			store.load(in, password);
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, password);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keys.getKeyManagers(), null, null);

		AtomicInteger requests = new AtomicInteger();
		HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(tls));
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			URI base = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
			GiteaForge forge = new GiteaForge(TestForges.settings(base, TestForges.TOKEN), TestForges.mapper(),
					new TestForges.RecordingSleeper());

			assertThatExceptionOfType(ForgeException.class).isThrownBy(() -> forge.listRepos("molecule-ai"))
				.withMessageContaining("GET /api/v1/orgs/molecule-ai/repos")
				.withMessageNotContaining(TestForges.TOKEN)
				.satisfies(ex -> assertThat(ex.getMessage().toLowerCase()).containsAnyOf("certificat", "ssl", "tls",
						"pkix"));
			assertThat(requests).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}
}
