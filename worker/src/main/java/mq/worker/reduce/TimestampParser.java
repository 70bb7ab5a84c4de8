package mq.worker.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a record's timestamp into an {@link Instant}, so that versions are compared as points in
 * time and not as strings ({@code 10:00+02:00} is earlier than {@code 09:00Z}).
 *
 * <p>Accepted: ISO-8601 date-times with {@code Z} or an offset; the same without an offset, and
 * {@code yyyy-MM-dd HH:mm:ss[.fraction]}, both read as UTC; a bare {@code yyyy-MM-dd} (midnight
 * UTC); epoch numbers (or strings of digits): seconds when below 10^11 (before the year 5138),
 * else milliseconds. Seconds may have a fraction.
 */
public final class TimestampParser {
    /** Epoch values at or above this are milliseconds; 10^11 s is in the year 5138, 10^11 ms in 1973. */
    static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private TimestampParser() {
    }

    public static Instant parse(JsonNode value) {
        if (value.isNumber()) {
            return fromEpoch(value.decimalValue());
        }
        if (value.isTextual()) {
            return parse(value.textValue());
        }
        throw new IllegalArgumentException("is not a date-time or an epoch number: " + value);
    }

    public static Instant parse(String text) {
        return parse(text, ZoneOffset.UTC);
    }

    /** As {@link #parse(String)}, with date-times that carry no offset read in {@code zone}. */
    public static Instant parse(String text, ZoneId zone) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        Instant common = CommonTimestamps.tryParse(s, zone);
        if (common != null) {
            return common;
        }
        if (isEpochNumber(s)) {
            try {
                return fromEpoch(new BigDecimal(s));
            } catch (NumberFormatException e) {
                throw notATimestamp(text); // digits and dots, but not a number: "2024.01.01"
            }
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
            }
            if (hasOffset(iso)) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw notATimestamp(text);
        }
    }

    private static IllegalArgumentException notATimestamp(String text) {
        return new IllegalArgumentException("'" + text + "' is not a timestamp (use ISO-8601, "
                + "yyyy-MM-dd HH:mm:ss, or epoch seconds or milliseconds)");
    }

    private static boolean isEpochNumber(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digits;
    }

    private static boolean hasOffset(String iso) {
        if (iso.endsWith("Z") || iso.endsWith("z")) {
            return true;
        }
        int time = iso.indexOf('T');
        return time > 0 && (iso.indexOf('+', time) > 0 || iso.indexOf('-', time) > 0);
    }

    private static Instant fromEpoch(BigDecimal epoch) {
        BigDecimal seconds = epoch.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0
                ? epoch.scaleByPowerOfTen(-3)
                : epoch;
        if (seconds.precision() - seconds.scale() > 19) { // more whole digits than a long holds: no need to expand them
            throw outOfRange(epoch);
        }
        try {
            long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw outOfRange(epoch);
        }
    }

    private static IllegalArgumentException outOfRange(BigDecimal epoch) {
        return new IllegalArgumentException("'" + epoch + "' is out of range for an epoch timestamp");
    }
}
