package ai.molecule.drift.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The policy's {@code contracts-required} and {@code propose} block: read, defaulted, and every mistake named. */
class ContractsAndProposePolicyTests {

	private final PolicyLoader loader = new PolicyLoader();

	@Test
	void readsBothWithTheirDefaults() {
		Policy policy = loader.parse("""
				consumers: [a, b]
				contracts-required: [contracts/provider_registry.py]
				propose:
				  max-step: 5
				  labels: [runtime-bump, automated]
				  exclude: [B]
				""", "drift-policy.yml");
		assertThat(policy.contractsRequired()).containsExactly("contracts/provider_registry.py");
		assertThat(policy.propose()).isEqualTo(new Policy.Propose(5, List.of("runtime-bump", "automated"), List.of("B")));
		assertThat(policy.propose().excludes("b")).isTrue();
		Policy defaults = loader.parse("consumers: [a]\n", "drift-policy.yml");
		assertThat(defaults.contractsRequired()).isEmpty();
		assertThat(defaults.propose()).isEqualTo(Policy.Propose.DEFAULTS);
		assertThat(defaults.propose().maxStep()).isEqualTo(10);
	}

	@Test
	void everyMistakeIsReportedWithItsLineAlongWithTheOthers() {
		String yaml = """
				consumers: [a]
				contracts-required: [../etc/passwd, contracts/x.py, contracts/x.py]
				propose:
				  max-step: 0
				  labels: [[nested]]
				  exclude: [org/a]
				  stages: 3
				max-lag-releases: many
				""";
		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> loader.parse(yaml, "drift-policy.yml"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"drift-policy.yml:2: contracts-required[0]: must be a plain relative path in the repository such as "
							+ "contracts/provider_registry.py, not \"../etc/passwd\"",
					"drift-policy.yml:2: contracts-required[2]: \"contracts/x.py\" is listed twice; keep only one",
					"drift-policy.yml:4: propose.max-step: must be a whole number of releases, 1 or more, not 0",
					"drift-policy.yml:5: propose.labels: must be label names, not a list",
					"drift-policy.yml:6: propose.exclude[0]: must be a bare repository name (letters, digits, '.', '_' and "
							+ "'-', at most 100; no owner/ prefix, no spaces), not \"org/a\"",
					"drift-policy.yml:7: propose: unknown key \"stages\"; allowed keys are max-step, labels, exclude",
					"drift-policy.yml:8: max-lag-releases: must be a whole number of releases, 0 or more (leave it out for "
							+ "no limit), not \"many\""));
	}
}
