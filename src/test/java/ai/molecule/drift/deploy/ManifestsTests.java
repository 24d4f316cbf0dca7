package ai.molecule.drift.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ai.molecule.drift.deploy.Manifests.Document;
import ai.molecule.drift.deploy.Manifests.Kustomization;
import ai.molecule.drift.model.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifests in {@code k8s/}: strictly valid objects, complete kustomizations, a safe and failure-aware CronJob. */
class ManifestsTests {

	@Test
	void everyFileIsStrictlyValidAndAnUnknownFieldWouldBeCaught() throws Exception {
		assertThat(Manifests.files()).hasSizeGreaterThanOrEqualTo(7);
		assertThat(Manifests.all()).hasSizeGreaterThanOrEqualTo(Manifests.files().size());

		JsonNode typo = Manifests.YAML.readTree("""
				apiVersion: batch/v1
				kind: CronJob
				metadata: {name: x}
				spec:
				  schedule: "0 3 * * *"
				  jobTemplate: {spec: {template: {spec: {restartPolicyy: Never, containers: []}}}}
				""");
		assertThatIllegalStateException().isThrownBy(() -> Manifests.document(Path.of("typo.yaml"), typo))
			.withMessageContaining("Spec.JobTemplate.Spec.Template.Spec.restartPolicyy");
		JsonNode number = Manifests.YAML.readTree("""
				apiVersion: v1
				kind: ConfigMap
				metadata: {name: x}
				data: {concurrency: 8}
				""");
		assertThatThrownBy(() -> Manifests.document(Path.of("number.yaml"), number))
			.hasMessageContaining("Cannot coerce Integer value (8) to `java.lang.String`");
	}

	@Test
	void eachKustomizationListsEveryFileBesideItAndNothingElse() throws Exception {
		Set<Path> listed = new TreeSet<>();
		for (Document document : Manifests.all()) {
			Kustomization kustomization = document.kustomization();
			if (kustomization == null) {
				continue;
			}
			Path dir = document.file().getParent();
			List<String> entries = new ArrayList<>(kustomization.resourcesOrEmpty());
			entries.addAll(kustomization.patchPaths());
			for (String entry : entries) {
				Path target = dir.resolve(entry).normalize();
				assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
					.as(document.file() + " lists " + entry).isTrue();
				listed.add(target);
			}
			try (Stream<Path> beside = Files.list(dir)) {
				List<Path> files = beside.filter(Files::isRegularFile)
					.filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
					.filter(f -> !f.getFileName().toString().endsWith(".example.yaml"))
					.toList();
				assertThat(listed).as("files beside " + document.file()).containsAll(files);
			}
		}
		// The example Secret is never applied: it would replace the real token.
		assertThat(listed).noneMatch(path -> path.getFileName().toString().endsWith(".example.yaml"));
	}

	@Test
	void theCronJobRunsNightlyOneAtATimeAndGivesUpOnAPolicyViolationAtOnce() {
		CronJob cronJob = Manifests.cronJob();
		assertThat(cronJob.getSpec().getSchedule()).isNotBlank();
		assertThat(cronJob.getSpec().getTimeZone()).isNotBlank();
		assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
		assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
		assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isPositive();
		assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isPositive();
		JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
		assertThat(job.getActiveDeadlineSeconds()).isPositive();
		assertThat(job.getBackoffLimit()).isBetween(1, 3);
		assertThat(Manifests.podSpec().getRestartPolicy()).isEqualTo("Never");

		// The exit codes come from the code's RunStatus, so the manifest follows the contract's table.
		Map<Integer, String> actionByExitCode = new HashMap<>();
		for (PodFailurePolicyRule rule : job.getPodFailurePolicy().getRules()) {
			if (rule.getOnExitCodes() != null) {
				assertThat(rule.getOnExitCodes().getOperator()).isEqualTo("In");
				assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo(Manifests.container().getName());
				rule.getOnExitCodes().getValues().forEach(code -> actionByExitCode.put(code, rule.getAction()));
			}
		}
		assertThat(actionByExitCode).containsOnly(Map.entry(RunStatus.FAIL.exitCode(), "FailJob"),
				Map.entry(RunStatus.ERROR.exitCode(), "Count"));
		for (RunStatus status : RunStatus.values()) {
			assertThat(status.exitCode() == RunStatus.PASS.exitCode() || actionByExitCode.containsKey(status.exitCode()))
				.as("exit code of " + status)
				.isTrue();
		}
	}

	@Test
	void thePodRunsAsAFixedNonRootUserWithNothingItDoesNotNeed() {
		PodSpec pod = Manifests.podSpec();
		PodSecurityContext podSecurity = pod.getSecurityContext();
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(podSecurity.getRunAsNonRoot()).isTrue();
		assertThat(podSecurity.getRunAsUser()).isPositive();
		assertThat(podSecurity.getRunAsGroup()).isPositive();
		assertThat(podSecurity.getFsGroup()).isEqualTo(podSecurity.getRunAsGroup());
		assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		Container container = Manifests.container();
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
		assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(container.getResources().getLimits()).containsKey("memory");
		assertThat(container.getResources().getLimits().get("memory").getNumericalAmount())
			.isGreaterThanOrEqualTo(container.getResources().getRequests().get("memory").getNumericalAmount());
	}

	@Test
	void secretsComeOnlyFromSecretsAndTheExampleHoldsAPlaceholder() {
		List<Secret> secrets = Manifests.objects(Secret.class);
		assertThat(secrets).isNotEmpty().allSatisfy(secret -> {
			assertThat(secret.getData()).isNullOrEmpty();
			assertThat(secret.getStringData().values()).allMatch(value -> value.matches("REPLACE_WITH_[A-Z_]+"));
		});
		assertThat(Manifests.all()).filteredOn(d -> d.object() instanceof Secret)
			.allMatch(d -> d.file().getFileName().toString().endsWith(".example.yaml"));
		List<EnvVar> env = Manifests.container().getEnv();
		assertThat(env).filteredOn(e -> e.getName().matches(".*(TOKEN|PASSWORD|SECRET).*"))
			.isNotEmpty()
			.allSatisfy(e -> assertThat(e.getValue()).as(e.getName() + " must come from a Secret").isNull());
		SecretKeySelector token = env.stream()
			.filter(e -> e.getName().equals("DRIFT_FORGE_TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValueFrom()
			.getSecretKeyRef();
		assertThat(secrets).anySatisfy(secret -> {
			assertThat(secret.getMetadata().getName()).isEqualTo(token.getName());
			assertThat(secret.getStringData()).containsKey(token.getKey());
		});
	}
}
