package mq.cli.options;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Checks {@code --timestamp-format} and {@code --timestamp-zone} before a job starts, so that a typo is a usage error and not a failed job. */
final class TimestampOptions {
    private TimestampOptions() {
    }

    /** The pattern, or {@code null} when none was given. */
    static String checkPattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            return pattern;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--timestamp-format '" + pattern + "' is not a java.time pattern: "
                    + e.getMessage() + " (e.g. M/d/yyyy, yyyy-MM-dd HH:mm:ss, dd.MM.yyyy HH:mm)");
        }
    }

    static String checkZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--timestamp-zone '" + zone + "' is not a zone: use UTC, an offset "
                    + "such as +02:00, or a region such as Europe/Berlin");
        }
    }
}
