package mq.generate.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How a Datetime field is written: Mockaroo's {@code format} option, either a strftime-style
 * pattern as its API takes it ({@code %Y-%m-%d}, {@code %-m/%-d/%Y %H:%M}) or one of the names its
 * form offers ({@code m/d/yyyy}, {@code ISO 8601 (UTC)}, {@code epoch}).
 */
final class DatetimeFormat {
    /** Mockaroo's default for a Datetime field. */
    static final String DEFAULT = "m/d/yyyy";

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("m/d/yyyy", "M/d/yyyy"), Map.entry("mm/dd/yyyy", "MM/dd/yyyy"),
            Map.entry("yyyy-mm-dd", "yyyy-MM-dd"), Map.entry("yyyy-mm", "yyyy-MM"), Map.entry("mm/yyyy", "MM/yyyy"),
            Map.entry("dd/mm/yyyy", "dd/MM/yyyy"), Map.entry("dd.mm.yyyy", "dd.MM.yyyy"),
            Map.entry("yyyy/mm/dd", "yyyy/MM/dd"), Map.entry("sql datetime", "yyyy-MM-dd HH:mm:ss"));
    private static final Map<Character, String> TOKENS = Map.ofEntries(
            Map.entry('Y', "yyyy"), Map.entry('y', "yy"), Map.entry('m', "MM"), Map.entry('d', "dd"),
            Map.entry('e', "d"), Map.entry('H', "HH"), Map.entry('I', "hh"), Map.entry('M', "mm"),
            Map.entry('S', "ss"), Map.entry('L', "SSS"), Map.entry('p', "a"), Map.entry('b', "MMM"),
            Map.entry('B', "MMMM"), Map.entry('a', "EEE"), Map.entry('A', "EEEE"), Map.entry('z', "xx"));

    private final DateTimeFormatter formatter;
    private final boolean epochSeconds;

    private DatetimeFormat(DateTimeFormatter formatter, boolean epochSeconds) {
        this.formatter = formatter;
        this.epochSeconds = epochSeconds;
    }

    static DatetimeFormat of(String format, String field) {
        String key = format.strip().toLowerCase(Locale.ROOT);
        if (key.equals("epoch") || key.equals("unix timestamp")) {
            return new DatetimeFormat(null, true);
        }
        if (key.startsWith("iso 8601")) {
            return new DatetimeFormat(DateTimeFormatter.ISO_INSTANT, false);
        }
        String pattern = NAMED.containsKey(key) ? NAMED.get(key) : format.contains("%") ? fromStrftime(format, field) : format;
        try {
            return new DatetimeFormat(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC), false);
        } catch (IllegalArgumentException e) {
            throw new SchemaException("field '" + field + "': format '" + format + "' is neither a Mockaroo format "
                    + "(%Y-%m-%d, m/d/yyyy, ISO 8601 (UTC), epoch) nor a java.time pattern");
        }
    }

    /** True when the value is a JSON number (epoch seconds), not a string. */
    boolean isNumber() {
        return epochSeconds;
    }

    String format(long epochSecond) {
        return epochSeconds ? Long.toString(epochSecond) : formatter.format(Instant.ofEpochSecond(epochSecond));
    }

    /** {@code %-m/%-d/%Y %H:%M} to {@code M/d/yyyy HH:mm}: tokens translated, everything else quoted. */
    private static String fromStrftime(String format, String field) {
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                literal.append(c);
                continue;
            }
            boolean unpadded = format.charAt(i + 1) == '-' && i + 2 < format.length();
            char token = format.charAt(unpadded ? i + 2 : i + 1);
            i += unpadded ? 2 : 1;
            if (token == '%') {
                literal.append('%');
                continue;
            }
            String translated = TOKENS.get(token);
            if (translated == null) {
                throw new SchemaException("field '" + field + "': format '" + format + "' has an unknown token %" + token);
            }
            if (literal.length() > 0) {
                pattern.append('\'').append(literal.toString().replace("'", "''")).append('\'');
                literal.setLength(0);
            }
            pattern.append(unpadded && translated.length() == 2 && translated.charAt(0) == translated.charAt(1)
                    ? translated.substring(1) : translated);
        }
        if (literal.length() > 0) {
            pattern.append('\'').append(literal.toString().replace("'", "''")).append('\'');
        }
        return pattern.toString();
    }

    /** A {@code min}/{@code max} option as Mockaroo writes it ({@code 01/31/2025}), or ISO ({@code 2025-01-31}, an instant). */
    static long epochSecond(String text, String field) {
        String s = text.strip();
        try {
            if (s.contains("T")) {
                return Instant.parse(s).getEpochSecond();
            }
            LocalDate date = s.contains("/") ? LocalDate.parse(s, DateTimeFormatter.ofPattern("M/d/yyyy"))
                    : LocalDate.parse(s);
            return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new SchemaException("field '" + field + "': '" + text + "' is not a date (use MM/DD/YYYY or YYYY-MM-DD)");
        }
    }
}
