package ai.molecule.drift.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code kubectl apply -k} would send, built by kubectl's own kustomize: the base and the
 * PostgreSQL overlay build, and every object they produce is strictly valid.
 */
class KustomizeBuildTests {

	@Test
	void theBaseBuildsIntoTheNamespaceWithTheImageAndTheLabels() throws Exception {
		List<HasMetadata> objects = build(Manifests.ROOT);

		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactlyInAnyOrder("CronJob", "ConfigMap", "PersistentVolumeClaim");
		assertThat(objects).allSatisfy(o -> {
			assertThat(o.getMetadata().getNamespace()).isEqualTo("consumer-drift");
			assertThat(o.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "consumer-drift");
		});
		assertThat(cronJob(objects).getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0)
			.getImage()).isEqualTo("consumer-drift:0.1.0");
	}

	@Test
	void thePostgresqlOverlayReplacesOnlyTheDatasource() throws Exception {
		List<EnvVar> base = env(build(Manifests.ROOT));
		List<EnvVar> overlay = env(build(Manifests.ROOT.resolve("overlays/postgresql")));

		assertThat(overlay).filteredOn(e -> e.getName().equals("SPRING_DATASOURCE_URL"))
			.singleElement()
			.satisfies(e -> assertThat(e.getValue()).startsWith("jdbc:postgresql://"));
		assertThat(overlay).extracting(EnvVar::getName)
			.contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		assertThat(overlay).containsAll(base.stream().filter(e -> !e.getName().equals("SPRING_DATASOURCE_URL")).toList());
	}

	private static CronJob cronJob(List<HasMetadata> objects) {
		return objects.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).findFirst().orElseThrow();
	}

	private static List<EnvVar> env(List<HasMetadata> objects) {
		return cronJob(objects).getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
	}

	private static List<HasMetadata> build(Path dir) throws IOException, InterruptedException {
		// kubectl is on this project's machine image, but no registry it reaches has a recent one
		// (Debian's is 1.20, too old for kustomize's labels): without it, this one check is skipped.
		Path kubectl = RequiredTool.optional("kubectl", "install kubectl 1.27+");
		Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("kubectl kustomize " + dir).isZero();
		List<HasMetadata> objects = new ArrayList<>();
		try (JsonParser parser = new YAMLFactory().createParser(new String(output, StandardCharsets.UTF_8));
				MappingIterator<JsonNode> nodes = Manifests.YAML.readValues(parser, JsonNode.class)) {
			while (nodes.hasNext()) {
				objects.add(Manifests.document(dir.resolve("(built)"), nodes.next()).object());
			}
		}
		return objects;
	}
}
