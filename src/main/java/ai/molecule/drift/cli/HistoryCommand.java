package ai.molecule.drift.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

import ai.molecule.drift.DriftProperties;
import ai.molecule.drift.history.HistoryOutput;
import ai.molecule.drift.history.HistoryQueries;
import ai.molecule.drift.history.HistoryScope;
import ai.molecule.drift.history.ReleaseSync;
import ai.molecule.drift.history.RepoRun;

/**
 * {@code history repo|trend|time-to-sync|worst}: reads the persisted runs and prints them on standard
 * output (logs go to standard error), so that {@code --format json} or {@code csv} can be piped.
 */
final class HistoryCommand {

	/** Which options each query accepts, beyond {@code --format}, {@code --demo} and {@code --help}. */
	private static final Map<String, Set<String>> OPTIONS = Map.of("repo", Set.of("since"), "trend", Set.of("since"),
			"time-to-sync", Set.of("release"), "worst", Set.of("limit", "by"));

	private final PrintStream out;

	private final PrintStream err;

	HistoryCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		HistoryOptions options;
		try {
			options = HistoryOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			return usage(ex.getMessage(), HistoryHelp.USAGE);
		}
		String query = options.query();
		if (query == null) {
			(options.help() ? out : err).print(HistoryHelp.USAGE);
			return options.help() ? 0 : 2;
		}
		if (!HistoryOptions.QUERIES.contains(query)) {
			// The word is not echoed: it may be a secret meant as an option's value.
			return usage("Unknown history query: write repo, trend, time-to-sync or worst after history.",
					HistoryHelp.USAGE);
		}
		String help = HistoryHelp.QUERIES.get(query);
		if (options.help()) {
			out.print(help);
			return 0;
		}
		try {
			check(query, options);
			Instant since = options.since(Clock.systemUTC());
			try (ConfigurableApplicationContext context = application(options.demo())
				.run(options.springArgs().toArray(String[]::new))) {
				return print(query, options, since, context);
			}
		}
		catch (IllegalArgumentException ex) {
			return usage(ex.getMessage(), help);
		}
		catch (DataAccessException ex) {
			err.println("The history could not be read: " + StartupFailures.explain(ex));
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("consumer-drift could not start: " + StartupFailures.explain(ex));
			return 2;
		}
	}

	private int print(String query, HistoryOptions options, Instant since, ConfigurableApplicationContext context) {
		HistoryQueries queries = context.getBean(HistoryQueries.class);
		HistoryScope scope = HistoryScope.of(context.getBean(DriftProperties.class));
		HistoryOutput output = new HistoryOutput(options.format());
		String document = switch (query) {
			case "repo" -> {
				List<RepoRun> rows = queries.repo(scope, options.operands().get(0), since);
				note(rows.isEmpty(), "No complete run of " + scope.org() + " scanned that repository"
						+ (options.options().containsKey("since") ? " since " + since : "") + ".");
				yield output.repo(rows);
			}
			case "trend" -> output.trend(queries.trend(scope, since));
			case "time-to-sync" -> {
				List<ReleaseSync> releases = queries.timeToSync(scope, options.release().orElse(null));
				note(releases.isEmpty() && options.release().isPresent(),
						"No complete run of " + scope.org() + " knew release " + options.release().get() + ".");
				yield output.timeToSync(releases);
			}
			default -> output.worst(queries.worst(scope, options.limit(), options.byAge()));
		};
		out.print(document);
		return 0;
	}

	/** Says on standard error why a document is empty, so that a typo is not mistaken for "nothing to see". */
	private void note(boolean when, String message) {
		if (when) {
			err.println(message);
		}
	}

	/** Checks the options before starting anything, so that a typo costs no start-up. */
	private static void check(String query, HistoryOptions options) {
		options.options().keySet().stream().filter(o -> !o.equals("format") && !OPTIONS.get(query).contains(o))
			.findFirst()
			.ifPresent(o -> {
				throw new IllegalArgumentException("--" + o + " does not apply to history " + query);
			});
		int operands = query.equals("repo") ? 1 : 0;
		if (options.operands().size() != operands) {
			throw new IllegalArgumentException(operands == 1 ? "history repo needs exactly one repository name"
					: "history " + query + " takes no name; settings are written --name=value");
		}
		options.format();
		options.release();
		options.limit();
		options.byAge();
	}

	private int usage(String problem, String help) {
		err.println(problem);
		err.print(help);
		return 2;
	}

	/** Lazy: a query needs the database, not the forge or the job. */
	private static SpringApplication application(boolean demo) {
		SpringApplication application = ScanCommand.application(demo ? Map.of("spring.datasource.url",
				DemoOrg.DATABASE_URL, "drift.forge.type", "local", "drift.org", DemoOrg.ORG) : Map.of());
		application.setLazyInitialization(true);
		return application;
	}
}
