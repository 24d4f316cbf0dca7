package ai.molecule.drift.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import ai.molecule.drift.history.HistoryFormat;
import ai.molecule.drift.lag.Version;

/** The typed values of the history queries' options, each with the sentence that explains a wrong one. */
final class HistoryOptionTypes {

	private HistoryOptionTypes() {
	}

	/**
	 * The start of {@code --since}: days back from now ({@code 90d}) or a UTC day.
	 *
	 * @param daysBack days before now, or {@code -1} when {@code day} is given
	 * @param day the first UTC day, or {@code null}
	 */
	record Since(long daysBack, LocalDate day) {

		private static final Pattern DAYS_BACK = Pattern.compile("(\\d{1,5})d");

		Instant from(Clock clock) {
			return (day != null) ? day.atStartOfDay(ZoneOffset.UTC).toInstant()
					: clock.instant().minus(Duration.ofDays(daysBack));
		}
	}

	static final class SinceConverter implements ITypeConverter<Since> {

		@Override
		public Since convert(String value) {
			Matcher days = Since.DAYS_BACK.matcher(value);
			if (days.matches()) {
				return new Since(Long.parseLong(days.group(1)), null);
			}
			try {
				return new Since(-1, LocalDate.parse(value));
			}
			catch (DateTimeParseException ex) {
				throw new TypeConversionException(
						"--since must be a number of days (90d) or a date (2026-01-01), not " + value);
			}
		}
	}

	static final class FormatConverter implements ITypeConverter<HistoryFormat> {

		@Override
		public HistoryFormat convert(String value) {
			return HistoryFormat.fromId(value)
				.orElseThrow(() -> new TypeConversionException("--format must be table, csv or json, not " + value));
		}
	}

	static final class VersionConverter implements ITypeConverter<Version> {

		@Override
		public Version convert(String value) {
			return Version.parse(value)
				.orElseThrow(() -> new TypeConversionException("--release must be a version such as 0.3.27, not "
						+ value));
		}
	}

	static final class LimitConverter implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			try {
				int limit = Integer.parseInt(value);
				if (limit >= 1 && limit <= 10_000) {
					return limit;
				}
			}
			catch (NumberFormatException ex) {
				// Explained below.
			}
			throw new TypeConversionException("--limit must be a number from 1 to 10000, not " + value);
		}
	}

	/** How {@code worst} ranks: by releases behind, or by how long behind. */
	enum Rank {
		LAG, AGE
	}

	static final class RankConverter implements ITypeConverter<Rank> {

		@Override
		public Rank convert(String value) {
			return switch (value) {
				case "lag" -> Rank.LAG;
				case "age" -> Rank.AGE;
				default -> throw new TypeConversionException("--by must be lag or age, not " + value);
			};
		}
	}
}
