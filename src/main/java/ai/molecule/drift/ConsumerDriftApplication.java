package ai.molecule.drift;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The consumer-drift application; {@code main} dispatches to the sub-commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsumerDriftApplication {

	public static void main(String[] args) {
		System.exit(ai.molecule.drift.cli.Cli.run(args));
	}
}
