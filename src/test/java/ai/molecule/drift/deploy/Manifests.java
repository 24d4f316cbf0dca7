package ai.molecule.drift.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

/**
 * Every file under {@code k8s/}, read the way the API server would: each document bound to its
 * fabric8 model class by {@code apiVersion} and {@code kind}, strictly. fabric8 keeps unknown
 * fields in {@code additionalProperties} instead of failing, so any such field (a typo, a field
 * in the wrong place) is reported here; so is a number or boolean where Kubernetes wants a string.
 */
final class Manifests {

	static final Path ROOT = Path.of("k8s");

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("batch/v1/CronJob", CronJob.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/PersistentVolumeClaim",
			PersistentVolumeClaim.class);

	private static final String KUSTOMIZE = "kustomize.config.k8s.io/v1beta1/Kustomization";

	static final ObjectMapper YAML = strict(YAMLMapper.builder().build());

	private Manifests() {
	}

	/**
	 * One document of one file.
	 *
	 * @param file where it is, relative to the repository
	 * @param object the Kubernetes object, or {@code null} for a kustomization
	 * @param kustomization the kustomization, or {@code null} for a Kubernetes object
	 */
	record Document(Path file, HasMetadata object, Kustomization kustomization) {
	}

	/** Every YAML file below {@code k8s/}, sorted. */
	static List<Path> files() {
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every document of every file; fails on the first one that is not strictly valid. */
	static List<Document> all() {
		List<Document> documents = new ArrayList<>();
		for (Path file : files()) {
			documents.addAll(read(file));
		}
		return documents;
	}

	static List<Document> read(Path file) {
		List<Document> documents = new ArrayList<>();
		try (JsonParser parser = new YAMLFactory().createParser(file.toFile());
				MappingIterator<JsonNode> nodes = YAML.readValues(parser, JsonNode.class)) {
			while (nodes.hasNext()) {
				documents.add(document(file, nodes.next()));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
		}
		return documents;
	}

	/** The base's CronJob (the overlay's patch is a partial CronJob too). */
	static CronJob cronJob() {
		return all().stream()
			.filter(d -> d.file().startsWith(ROOT.resolve("base")) && d.object() instanceof CronJob)
			.map(d -> (CronJob) d.object())
			.reduce((a, b) -> {
				throw new IllegalStateException("more than one CronJob in k8s/base");
			})
			.orElseThrow();
	}

	/** The base CronJob's only container. */
	static Container container() {
		List<Container> containers = podSpec().getContainers();
		if (containers.size() != 1) {
			throw new IllegalStateException("the CronJob should run exactly one container, not " + containers.size());
		}
		return containers.get(0);
	}

	static PodSpec podSpec() {
		return cronJob().getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
	}

	static <T extends HasMetadata> List<T> objects(Class<T> type) {
		return all().stream().map(Document::object).filter(type::isInstance).map(type::cast).toList();
	}

	static Document document(Path file, JsonNode node) throws IOException {
		String kind = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
		if (kind.equals(KUSTOMIZE)) {
			return new Document(file, null, YAML.treeToValue(node, Kustomization.class));
		}
		Class<? extends HasMetadata> type = KINDS.get(kind);
		if (type == null) {
			throw new IllegalStateException(file + ": unexpected kind " + kind + "; add it to Manifests.KINDS");
		}
		HasMetadata object = YAML.treeToValue(node, type);
		List<String> unknown = new ArrayList<>();
		unknownFields(object, object.getKind(), unknown);
		if (!unknown.isEmpty()) {
			throw new IllegalStateException(file + ": fields the Kubernetes API does not know: " + unknown);
		}
		return new Document(file, object, null);
	}

	/** Collects the paths of fields that fabric8 could only keep as additional properties. */
	static void unknownFields(Object value, String path, List<String> unknown) {
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
			return;
		}
		if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
					|| !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
				continue;
			}
			Object child = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) child).keySet().forEach(key -> unknown.add(path + "." + key));
			}
			else {
				unknownFields(child, path + "." + getter.getName().replaceFirst("^(get|is)", ""), unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(getter + ": " + ex.getMessage(), ex);
		}
	}

	private static ObjectMapper strict(ObjectMapper mapper) {
		mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		// Kubernetes rejects "value: 8" for a string field; Jackson would quietly turn it into "8".
		mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		return mapper;
	}

	/**
	 * The parts of a kustomization these manifests use; any other field fails the parse.
	 *
	 * @param apiVersion {@code kustomize.config.k8s.io/v1beta1}
	 * @param kind {@code Kustomization}
	 * @param namespace namespace given to every object
	 * @param labels labels given to every object
	 * @param resources files and directories included
	 * @param patches patch files applied
	 * @param images image name rewrites
	 */
	record Kustomization(String apiVersion, String kind, String namespace, List<Map<String, Object>> labels,
			List<String> resources, List<Patch> patches, List<Map<String, String>> images) {

		List<String> resourcesOrEmpty() {
			return resources == null ? List.of() : resources;
		}

		List<String> patchPaths() {
			return patches == null ? List.of() : patches.stream().map(Patch::path).toList();
		}
	}

	/**
	 * One patch of a kustomization.
	 *
	 * @param path the patch file
	 */
	record Patch(String path) {
	}
}
