package ai.molecule.drift;

/** A setting is missing or wrong; the message names the property and its environment variable. */
public class ConfigurationException extends RuntimeException {

	public ConfigurationException(String message) {
		super(message);
	}
}
