package mq.worker.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
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
        return new TimestampReader(ZoneId.of(spec.timestampZone()), spec.timestampFormat());
    }

    Instant read(JsonNode value) {
        if (formatter == null) {
            return value.isNumber() ? TimestampParser.parse(value) : TimestampParser.parse(text(value), zone);
        }
        return read(text(value).strip());
    }

    private Instant read(String text) {
        TemporalAccessor parsed;
        try {
            parsed = formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' does not match the timestamp format '" + pattern + "'");
        }
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant(); // in a DST overlap, the earlier offset: the same for every worker
        }
        return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
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
