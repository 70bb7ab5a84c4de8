package mq.generate;

import java.util.Objects;

/**
 * What {@link RecordsGenerator} writes.
 *
 * @param count            how many records, at least 1
 * @param keys             how many distinct ids ({@code 1..keys}), at least 1 and at most {@code count};
 *                         every id gets at least one record, so {@code count - keys} records are
 *                         further versions of an id
 * @param seed             the same seed gives the same file
 * @param format           a JSON array or JSON Lines
 * @param mixedTimestamps  {@code false}: every {@code updated_at} is ISO-8601 UTC ({@code 2025-03-04T10:15:30Z});
 *                         {@code true}: also with an offset, as {@code yyyy-MM-dd HH:mm:ss} (UTC) and
 *                         as epoch milliseconds
 */
public record RecordsSpec(long count, long keys, long seed, RecordFormat format, boolean mixedTimestamps) {

    public RecordsSpec {
        Objects.requireNonNull(format, "format");
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1 (got " + count + ")");
        }
        if (keys < 1) {
            throw new IllegalArgumentException("--keys must be at least 1 (got " + keys + ")");
        }
        if (keys > count) {
            throw new IllegalArgumentException("--keys (" + keys + ") must not be greater than --count (" + count
                    + "): every key gets at least one record");
        }
        if (keys > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--keys must be at most " + Integer.MAX_VALUE + " (got " + keys + ")");
        }
    }

    /** A JSON array with ISO-8601 UTC timestamps. */
    public static RecordsSpec of(long count, long keys, long seed) {
        return new RecordsSpec(count, keys, seed, RecordFormat.JSON, false);
    }

    /** The number of keys when none is given: a fifth of the records, so about five versions per key. */
    public static long defaultKeys(long count) {
        return Math.max(1, count / 5);
    }

    public RecordsSpec withFormat(RecordFormat newFormat) {
        return new RecordsSpec(count, keys, seed, newFormat, mixedTimestamps);
    }

    public RecordsSpec withMixedTimestamps(boolean mixed) {
        return new RecordsSpec(count, keys, seed, format, mixed);
    }
}
