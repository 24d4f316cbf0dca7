package ai.molecule.drift;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout the code is read by: packages by feature with no cycle between them, a domain core free of
 * Spring, Spring Batch only in {@code job}, and a {@code package-info.java} in each package.
 */
class PackageStructureTests {

	private static final String ROOT = "ai.molecule.drift";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** Each package is a slice, the root package included (ArchUnit's "ai.molecule.drift.(*)" would leave it out). */
	static final SliceAssignment BY_PACKAGE = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName();
			return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name)
					: SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "packages of " + ROOT;
		}
	};

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theDomainCoreUsesNoSpringAndNoFeature() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".lag", ROOT + ".model", ROOT + ".classify", ROOT + ".contract")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", ROOT + ".history..", ROOT + ".report..", ROOT + ".job..",
					ROOT + ".publish..", ROOT + ".cli..")
			.check(MAIN);
	}

	@Test
	void theModelDependsOnLagOnly() {
		noClasses().that()
			.resideInAPackage(ROOT + ".model")
			.should()
			.dependOnClassesThat(otherDriftPackageThan(ROOT + ".model", ROOT + ".lag"))
			.check(MAIN);
	}

	@Test
	void springBatchIsWiredInTheJobPackageOnly() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".job")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.batch..")
			.check(MAIN);
	}

	@Test
	void renderingReadsNoDatabase() {
		// The issue body re-renders for every probe of its size budget: it too gets its history as arguments.
		noClasses().that()
			.resideInAnyPackage(ROOT + ".report")
			.or()
			.haveFullyQualifiedName(ROOT + ".publish.IssueBody")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..", ROOT + ".history..")
			.check(MAIN);
	}

	@Test
	void everyPackageSaysWhatItIsFor() {
		Set<String> packages = new TreeSet<>();
		MAIN.forEach((javaClass) -> packages.add(javaClass.getPackageName()));
		List<String> undocumented = packages.stream()
			.filter((name) -> !Files.isRegularFile(
					Path.of("src/main/java", name.replace('.', '/'), "package-info.java")))
			.toList();
		assertThat(packages).hasSizeGreaterThan(5);
		assertThat(undocumented).as("packages without a package-info.java").isEmpty();
	}

	private static DescribedPredicate<JavaClass> otherDriftPackageThan(String... allowed) {
		Set<String> allowedPackages = Set.of(allowed);
		return DescribedPredicate.describe("are in another package of " + ROOT + " than " + allowedPackages,
				(javaClass) -> javaClass.getPackageName().startsWith(ROOT)
						&& !allowedPackages.contains(javaClass.getPackageName()));
	}
}
