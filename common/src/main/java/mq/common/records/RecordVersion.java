package mq.common.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * One version of a keyed record, as a worker read it from a chunk.
 *
 * <p>Versions of a key are ordered by {@link #NEWER_LAST}: by timestamp, and among equal
 * timestamps by position in the input file. Every record has its own position, so the order is
 * total and "the latest version" never depends on which worker or chunk saw it first.
 *
 * @param key       the record's key
 * @param timestamp the record's own timestamp, as an instant
 * @param position  0-based ordinal of the record in the input file (blank lines not counted)
 * @param line      1-based line of the input file where the record starts
 * @param sumValues the values of the job's sum fields that are present and not null
 * @param json      the record's JSON text, fields unchanged
 */
public record RecordVersion(RecordKey key, Instant timestamp, long position, long line,
                            Map<String, BigDecimal> sumValues, String json) {

    /** Sorts older versions first; the last is the one that wins. */
    public static final Comparator<RecordVersion> NEWER_LAST = Comparator
            .comparing(RecordVersion::timestamp)
            .thenComparingLong(RecordVersion::position);

    public RecordVersion {
        sumValues = Map.copyOf(sumValues);
    }

    /** The later of two versions of the same key (last writer wins, ties to the later position in the file). */
    public static RecordVersion latest(RecordVersion a, RecordVersion b) {
        return NEWER_LAST.compare(a, b) >= 0 ? a : b;
    }
}
