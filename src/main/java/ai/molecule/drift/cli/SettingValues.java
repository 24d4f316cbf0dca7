package ai.molecule.drift.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Binds every {@code drift.*} setting as the application will, one at a time, so that each wrong value is
 * found rather than the first of its group: first its type (a number, a duration, one of a few words), then
 * the rules of the record it belongs to, checked with that setting alone so that one wrong value cannot hide
 * another. Values are echoed only when short and plain: a misplaced token must not reach a log.
 */
final class SettingValues {

	private static final Pattern ECHOABLE = Pattern.compile("[\\w.-]{1,20}");

	private final SettingsMetadata metadata;

	SettingValues(SettingsMetadata metadata) {
		this.metadata = metadata;
	}

	/** One sentence per wrong setting, each naming the property and its environment variable. */
	List<String> problems(Environment environment) {
		Binder binder = Binder.get(environment);
		Set<String> problems = new LinkedHashSet<>();
		Map<String, Object> values = new TreeMap<>();
		metadata.properties().forEach((name, typeName) -> type(typeName).ifPresent((type) -> {
			try {
				binder.bind(name, Bindable.of(type)).ifBound((value) -> values.put(name, value));
			}
			catch (BindException ex) {
				problems.add(wrongType(name, type, binder));
			}
		}));
		values.forEach((name, value) -> group(name).ifPresent((group) -> {
			Binder alone = new Binder(new MapConfigurationPropertySource(Map.of(name, value)));
			try {
				alone.bind(group.getKey(), Bindable.of(group.getValue()));
			}
			catch (BindException ex) {
				problems.add(SettingNames.naming(rootMessage(ex)));
			}
		}));
		if (problems.isEmpty()) {
			// Rules that involve several settings of a record show only when the whole record is bound.
			metadata.groups().forEach((name, typeName) -> type(typeName).ifPresent((type) -> {
				try {
					binder.bind(name, Bindable.of(type));
				}
				catch (BindException ex) {
					problems.add(SettingNames.naming(rootMessage(ex)));
				}
			}));
		}
		return List.copyOf(problems);
	}

	private String wrongType(String name, Class<?> type, Binder binder) {
		String expected;
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			expected = "a whole number";
		}
		else if (type == Boolean.class || type == boolean.class) {
			expected = "true or false";
		}
		else if (type == Duration.class) {
			expected = "a duration such as 30s, 5m or 1h";
		}
		else if (type == DataSize.class) {
			expected = "a size such as 512KB or 4MB";
		}
		else if (type.isEnum()) {
			expected = "one of " + Arrays.stream(type.getEnumConstants())
				.map((c) -> c.toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		else {
			expected = "a valid " + type.getSimpleName();
		}
		String example = Optional.ofNullable(metadata.defaults().get(name)).map((d) -> " (the default is " + d + ")")
			.orElse("");
		String value = Optional.of(binder.bind(name, String.class).orElse("").strip())
			.filter((v) -> ECHOABLE.matcher(v).matches())
			.map((v) -> ", not \"" + v + "\"")
			.orElse("");
		return name + " (" + SettingNames.variable(name) + ") must be " + expected + value + example;
	}

	/** The innermost group a setting belongs to, with the record it binds to. */
	private Optional<Map.Entry<String, Class<?>>> group(String name) {
		return metadata.groups().entrySet().stream()
			.filter((g) -> name.startsWith(g.getKey() + "."))
			.max(Comparator.comparingInt((g) -> g.getKey().length()))
			.flatMap((g) -> type(g.getValue()).map((type) -> Map.entry(g.getKey(), type)));
	}

	/** The class of a metadata type, or empty for a generic one (a list or a map): binding the group checks those. */
	private static Optional<Class<?>> type(String name) {
		if (name.isEmpty() || name.contains("<")) {
			return Optional.empty();
		}
		try {
			return Optional.of(ClassUtils.forName(name, SettingValues.class.getClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return Optional.empty();
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? failure.getMessage() : root.getMessage();
	}
}
