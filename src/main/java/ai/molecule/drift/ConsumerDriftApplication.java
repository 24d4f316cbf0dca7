package ai.molecule.drift;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application behind each command that needs one; the process starts in
 * {@link ai.molecule.drift.cli.Cli}, which parses the command line before any of it starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsumerDriftApplication {
}
