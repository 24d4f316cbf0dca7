package ai.molecule.drift.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import org.junit.jupiter.api.Test;

import ai.molecule.drift.bench.ScanBenchmark;
import ai.molecule.drift.cli.DemoOrg;
import ai.molecule.drift.deploy.Manifests.Kustomization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Dockerfile} against the README, the build and the manifests: it builds the README's
 * jar, and runs it as the user, with the command and at the paths the CronJob expects.
 */
class ImageTests {

	final Dockerfile image = read();

	static Dockerfile read() {
		try {
			return Dockerfile.read(Path.of("Dockerfile"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void itBuildsTheJarOfTheReadmesCommand() throws IOException {
		Matcher readme = Pattern.compile("mvn [^&\\n`]*package[^&\\n`]*").matcher(Files.readString(Path.of("README.md")));
		assertThat(readme.find()).as("the README's build command").isTrue();
		String command = readme.group().strip();
		assertThat(image.runs()).anySatisfy(run -> assertThat(run).endsWith(command));
		Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(Path.of("pom.xml")));
		assertThat(finalName.find()).isTrue();
		String jar = finalName.group(1) + ".jar";
		assertThat(Files.readString(Path.of("Dockerfile"))).contains("/build/target/" + jar);
		assertThat(image.entrypoint()).containsSequence("-jar", jar);
	}

	@Test
	void itRunsAsTheManifestsUserWithTheirCommand() {
		PodSecurityContext pod = Manifests.podSpec().getSecurityContext();
		assertThat(image.user()).isEqualTo(pod.getRunAsUser() + ":" + pod.getRunAsGroup());
		Container container = Manifests.container();
		assertThat(container.getCommand()).as("the image's ENTRYPOINT must run").isNullOrEmpty();
		assertThat(container.getArgs()).isEqualTo(image.cmd());
		Kustomization base = Manifests.all()
			.stream()
			.filter(d -> d.kustomization() != null && d.file().startsWith(Manifests.ROOT.resolve("base")))
			.findFirst()
			.orElseThrow()
			.kustomization();
		assertThat(base.images()).extracting(i -> i.get("name")).containsExactly(container.getImage());
	}

	@Test
	void itsPathsAreTheManifestsPathsAndItsHeapFollowsTheMemoryLimit() {
		Map<String, String> manifest = ManifestSettingsTests.environment();
		for (String variable : List.of("DRIFT_POLICY_FILE", "DRIFT_REPORT_DIR", "SPRING_DATASOURCE_URL")) {
			assertThat(image.env()).as(variable).containsEntry(variable, manifest.get(variable));
		}
		// The profile that turns on JSON logs is the image's, and exists.
		assertThat(image.env()).containsEntry("SPRING_PROFILES_ACTIVE", "container");
		assertThat(getClass().getResource("/application-container.yml")).isNotNull();
		assertThat(image.entrypoint()).anySatisfy(flag -> assertThat(flag).matches("-XX:MaxRAMPercentage=(50|60|65|70|75|80)"));
		assertThat(image.entrypoint()).contains("-XX:+ExitOnOutOfMemoryError");
		// Standard output carries the JSON logs: the JVM's own warnings must not land there.
		assertThat(image.entrypoint()).containsSubsequence("-Xlog:disable", "-Xlog:all=warning:stderr:uptime,level,tags");
	}

	@Test
	void theDemoCanWriteItsHistoryAsTheImagesUser() {
		// docker run IMAGE scan --demo keeps the demo's history under the working directory, /app, which root owns.
		assertThat(DemoOrg.DATABASE_URL).startsWith("jdbc:h2:file:./data/");
		assertThat(image.runs()).anySatisfy(run -> assertThat(run).containsPattern("mkdir -p [^&]*/app/data")
			.containsPattern("chown " + image.user() + " [^&]*/app/data"));
	}

	@Test
	void itsAotCacheIsTrainedTheWayTheJobStarts() {
		String training = image.runs().stream().filter(run -> run.contains("-XX:AOTCacheOutput=")).findFirst().orElseThrow();
		Matcher output = Pattern.compile("-XX:AOTCacheOutput=(\\S+)").matcher(training);
		assertThat(output.find()).isTrue();
		assertThat(image.entrypoint()).contains("-XX:AOTCache=" + output.group(1));
		// A cache is only used by a JVM with the same class path and collector.
		image.entrypoint()
			.stream()
			.filter(flag -> flag.startsWith("-XX:+Use") && flag.endsWith("GC"))
			.forEach(gc -> assertThat(training).contains(gc));
		assertThat(training).contains(String.join(" ", image.entrypoint().subList(image.entrypoint().indexOf("-jar"),
				image.entrypoint().indexOf("-jar") + 2)));
	}

	@Test
	void theScanBenchmarkRunsTheJobWithTheImagesJvmOptions() {
		assertThat(image.entrypoint()).containsAll(ScanBenchmark.IMAGE_JVM_OPTIONS);
	}
}
