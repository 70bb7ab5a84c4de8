package mq.worker.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import mq.common.protocol.RecordSpec;

/**
 * Reads the timestamps of one job as its record spec says: with its {@code --timestamp-format}
 * pattern when it has one (a Mockaroo {@code M/d/yyyy}, a European {@code dd.MM.yyyy HH:mm}),
 * else with {@link TimestampParser}'s built-in readings. Values without an offset are read in the
 * spec's zone; a date alone is the start of that day. Built once per chunk: a formatter is
 * immutable and thread-safe, but compiling its pattern is not free.
 */
final class TimestampReader {
    private final ZoneId zone;
    private final String pattern;
    private final DateTimeFormatter formatter;

    private TimestampReader(ZoneId zone, String pattern) {
        this.zone = zone;
        this.pattern = pattern;
        // English month and day names, as Mockaroo and most exports write them.
        this.formatter = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    }

    /** Throws {@link IllegalArgumentException} for a pattern or zone that java.time does not accept. */
    static TimestampReader of(RecordSpec spec) {
        ZoneId zone;
        try {
            zone = ZoneId.of(spec.timestampZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + spec.timestampZone() + "'", e);
        }
        return new TimestampReader(zone, spec.timestampFormat());
    }

    Instant read(JsonNode value) {
        if (formatter == null) {
            return value.isNumber() ? TimestampParser.parse(value) : TimestampParser.parse(text(value), zone);
        }
        return read(text(value).strip());
    }

    /**
     * One parse, then the fields it found: {@code parseBest} would try the richer types first, and each
     * miss throws, which costs far more than the parse itself.
     */
    private Instant read(String text) {
        TemporalAccessor parsed;
        try {
            parsed = formatter.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' does not match the timestamp format '" + pattern + "'");
        }
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            throw new IllegalArgumentException("'" + text + "' has no date in the timestamp format '" + pattern + "'");
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneId own = parsed.query(TemporalQueries.zone()); // an offset or a zone the text names
        ZoneId at = own != null ? own : zone;
        // In a DST overlap, the earlier offset; in a gap, shifted forward: the same for every worker.
        return time == null ? date.atStartOfDay(at).toInstant() : LocalDateTime.of(date, time).atZone(at).toInstant();
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.asText();
        }
        throw new IllegalArgumentException("is not a date-time or an epoch number: " + value);
    }
}
