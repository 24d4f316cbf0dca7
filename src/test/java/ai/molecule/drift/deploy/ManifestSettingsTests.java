package ai.molecule.drift.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.metrics.MetricsProperties;
import ai.molecule.drift.policy.PolicyLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests' settings against the application: each environment variable binds to a property
 * the application declares (its own configuration metadata or Spring Boot's), the values bind,
 * and every path it writes or reads lies on the right volume.
 */
class ManifestSettingsTests {

	static final String SECRET = "from-a-secret";

	@Test
	void everyEnvironmentVariableOfEveryManifestIsASettingOfTheApplication() throws IOException {
		Set<String> properties = declaredProperties();
		assertThat(properties).contains("drift.forge.base-url", "drift.metrics.pushgateway-url", "spring.datasource.url");
		assertThat(property("DRIFT_FORGE_BASE_URL", properties)).contains("drift.forge.base-url");
		assertThat(property("DRIFT_FORGE_BASEURI", properties)).isEmpty();
		assertThat(property("DRIFT_METRICS_PUSH_GATEWAY", properties)).isEmpty();
		// The base and the overlay's patch.
		for (Container container : Manifests.objects(CronJob.class)
			.stream()
			.flatMap(c -> c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().stream())
			.toList()) {
			for (EnvVar env : container.getEnv()) {
				assertThat(property(env.getName(), properties)).as(env.getName() + " binds to no property").isPresent();
			}
		}
	}

	@Test
	void theValuesBindAndThePathsAreOnTheVolumesMeantForThem(@TempDir Path dir) throws IOException {
		Map<String, String> env = environment();
		Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Collections.unmodifiableMap(env))));
		DriftProperties drift = binder.bindOrCreate("drift", DriftProperties.class);
		MetricsProperties metrics = binder.bindOrCreate("drift.metrics", MetricsProperties.class);
		assertThat(drift.forge().token()).isEqualTo(SECRET);
		assertThat(drift.forge().baseUrl()).hasScheme("https");
		assertThat(metrics.enabled()).isTrue();

		Path reports = drift.report().dir();
		Path database = h2File(env.get("SPRING_DATASOURCE_URL"));
		assertThat(reports).isAbsolute();
		assertThat(database).isAbsolute();
		Volume data = volumeFor(reports);
		assertThat(data.getPersistentVolumeClaim()).as("the reports' volume").isNotNull();
		assertThat(volumeFor(database)).as("the database's volume").isEqualTo(data);
		assertThat(mountFor(reports).getReadOnly()).isNotEqualTo(Boolean.TRUE);
		assertThat(Manifests.objects(PersistentVolumeClaim.class)).extracting(c -> c.getMetadata().getName())
			.containsExactly(data.getPersistentVolumeClaim().getClaimName());

		Path policyFile = drift.policyFile();
		Volume policy = volumeFor(policyFile);
		ConfigMap configMap = Manifests.objects(ConfigMap.class).get(0);
		assertThat(policy.getConfigMap().getName()).isEqualTo(configMap.getMetadata().getName());
		assertThat(policyFile.getParent()).isEqualTo(Path.of(mountFor(policyFile).getMountPath()));
		String policyText = configMap.getData().get(policyFile.getFileName().toString());
		assertThat(policyText).as("the ConfigMap's key for " + policyFile).isNotNull();
		// The policy shipped in the ConfigMap is one the job accepts.
		new PolicyLoader().load(Files.writeString(dir.resolve("drift-policy.yml"), policyText));

		assertThat(volumeFor(Path.of("/tmp")).getEmptyDir()).isNotNull();
		assertThat(Manifests.container().getVolumeMounts()).extracting(VolumeMount::getName)
			.containsExactlyInAnyOrderElementsOf(Manifests.podSpec().getVolumes().stream().map(Volume::getName).toList());
	}

	/** The base container's environment, a stand-in value for what comes from a Secret. */
	static Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		Manifests.container().getEnv().forEach(e -> env.put(e.getName(), e.getValue() != null ? e.getValue() : SECRET));
		return env;
	}

	static Path h2File(String url) {
		assertThat(url).startsWith("jdbc:h2:file:");
		return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]);
	}

	/** The mount that holds a path: the one with the longest mount path above it. */
	static VolumeMount mountFor(Path path) {
		return Manifests.container()
			.getVolumeMounts()
			.stream()
			.filter(m -> path.startsWith(m.getMountPath()))
			.max((a, b) -> a.getMountPath().length() - b.getMountPath().length())
			.orElseThrow(() -> new AssertionError("no volume is mounted above " + path));
	}

	static Volume volumeFor(Path path) {
		String name = mountFor(path).getName();
		return Manifests.podSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
	}

	/** The property an environment variable binds to, by Spring Boot's own relaxed-binding rules. */
	static Optional<String> property(String variable, Set<String> properties) {
		ConfigurationPropertySource source = ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of(variable, "x")))
			.iterator()
			.next();
		return properties.stream()
			.filter(ConfigurationPropertyName::isValid)
			.filter(p -> source.getConfigurationProperty(ConfigurationPropertyName.of(p)) != null)
			.findFirst();
	}

	/** Every property in the configuration metadata on the class path: the application's and Spring Boot's. */
	static Set<String> declaredProperties() throws IOException {
		Set<String> names = new TreeSet<>();
		ObjectMapper json = new ObjectMapper();
		for (URL url : Collections.list(ManifestSettingsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					names.add(property.get("name").asText());
				}
			}
		}
		return names;
	}

}
