package ai.molecule.drift.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.molecule.drift.history.HistoryFormat;
import ai.molecule.drift.lag.Version;

/**
 * The arguments of {@code history}: the query, its operand and options (written {@code --x value} or
 * {@code --x=value}), and the {@code --name=value} settings left for Spring.
 *
 * @param query {@code repo}, {@code trend}, {@code time-to-sync} or {@code worst}; {@code null} when missing
 * @param operands words that are not options (the repository name of {@code repo})
 * @param options option values by name, without the dashes
 * @param flags options without a value ({@code help}, {@code demo})
 * @param springArgs every other {@code --name=value}
 */
record HistoryOptions(String query, List<String> operands, Map<String, String> options, Set<String> flags,
		List<String> springArgs) {

	static final Set<String> QUERIES = Set.of("repo", "trend", "time-to-sync", "worst");

	private static final Set<String> VALUED = Set.of("since", "format", "release", "limit", "by");

	private static final Pattern DAYS_BACK = Pattern.compile("(\\d{1,5})d");

	static HistoryOptions parse(List<String> args) {
		List<String> words = new ArrayList<>();
		Map<String, String> options = new LinkedHashMap<>();
		Set<String> flags = new java.util.HashSet<>();
		List<String> spring = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
			if (arg.equals("-h") || arg.equals("--help")) {
				flags.add("help");
			}
			else if (arg.equals("--demo")) {
				flags.add("demo");
			}
			else if (name != null && VALUED.contains(name)) {
				if (arg.contains("=")) {
					options.put(name, arg.substring(arg.indexOf('=') + 1));
				}
				else if (i + 1 < args.size()) {
					options.put(name, args.get(++i));
				}
				else {
					throw new IllegalArgumentException("--" + name + " needs a value");
				}
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				spring.add(arg);
			}
			else if (arg.startsWith("-")) {
				// Not echoed beyond its name: it could be a secret written --token VALUE.
				throw new IllegalArgumentException("unknown option " + arg.split("=", 2)[0]
						+ "; settings are written --name=value");
			}
			else {
				words.add(arg);
			}
		}
		String query = words.isEmpty() ? null : words.get(0);
		return new HistoryOptions(query, words.isEmpty() ? List.of() : words.subList(1, words.size()), options, flags,
				spring);
	}

	boolean help() {
		return flags.contains("help");
	}

	boolean demo() {
		return flags.contains("demo");
	}

	HistoryFormat format() {
		String id = options.getOrDefault("format", "table");
		return HistoryFormat.fromId(id)
			.orElseThrow(() -> new IllegalArgumentException("--format must be table, csv or json, not " + id));
	}

	/** The start of {@code --since}: days back from now ({@code 90d}) or a UTC day; the epoch without it. */
	Instant since(Clock clock) {
		String since = options.get("since");
		if (since == null) {
			return Instant.EPOCH;
		}
		Matcher days = DAYS_BACK.matcher(since);
		if (days.matches()) {
			return clock.instant().minus(Duration.ofDays(Long.parseLong(days.group(1))));
		}
		try {
			return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--since must be a number of days (90d) or a date (2026-01-01), not "
					+ since);
		}
	}

	Optional<Version> release() {
		String release = options.get("release");
		if (release == null) {
			return Optional.empty();
		}
		return Optional.of(Version.parse(release)
			.orElseThrow(() -> new IllegalArgumentException("--release must be a version such as 0.3.27, not " + release)));
	}

	int limit() {
		String limit = options.getOrDefault("limit", "10");
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= 10_000) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// Explained below.
		}
		throw new IllegalArgumentException("--limit must be a number from 1 to 10000, not " + limit);
	}

	boolean byAge() {
		String by = options.getOrDefault("by", "lag");
		if (!by.equals("lag") && !by.equals("age")) {
			throw new IllegalArgumentException("--by must be lag or age, not " + by);
		}
		return by.equals("age");
	}
}
