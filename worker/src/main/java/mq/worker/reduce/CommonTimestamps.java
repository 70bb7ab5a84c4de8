package mq.worker.reduce;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fast path of {@link TimestampParser} for the shapes nearly every input uses:
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]} or the same with a space for the {@code T}, followed by
 * {@code Z}, {@code ±HH:MM} or nothing (then read as UTC, so only when the job's zone is UTC). Read digit by digit, with no formatter and no
 * intermediate objects; anything else (or anything doubtful, such as 30 February) returns
 * {@code null} and goes the general way, which also words the errors.
 */
final class CommonTimestamps {
    private static final int SECONDS_PER_DAY = 86_400;

    private CommonTimestamps() {
    }

    /** As {@link #tryParse(String, ZoneId)} in UTC. */
    static Instant tryParse(String s) {
        return tryParse(s, ZoneOffset.UTC);
    }

    /**
     * @param zone where date-times without an offset are; other zones than UTC are left to the general path
     * @return the instant, or {@code null} when {@code s} is not one of the common shapes
     */
    static Instant tryParse(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i)) && i - start < 9) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(s, i);
        if (offsetSeconds == Integer.MIN_VALUE || (i == n && !zone.normalized().equals(ZoneOffset.UTC))) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The offset that ends {@code s} at {@code i}: nothing (UTC), Z, or ±HH:MM; {@code MIN_VALUE} for anything else. */
    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n) {
            return 0;
        }
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, i + 3);
            int minutes = digits(s, i + 4, i + 6);
            if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
                return Integer.MIN_VALUE;
            }
            int seconds = hours * 3600 + minutes * 60;
            return c == '-' ? -seconds : seconds;
        }
        return Integer.MIN_VALUE;
    }

    /** The number written by {@code s[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
