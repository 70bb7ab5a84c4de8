package mq.aggregator.state;

import java.math.BigDecimal;
import mq.common.records.RecordVersion;

/**
 * What one entry of the in-heap map of latest versions costs, estimated from its parts on a
 * 64-bit JVM with compressed references (any heap under 32 GiB): a 12-byte object header, 4-byte
 * references, every object rounded up to 8 bytes.
 *
 * <pre>
 * HashMap node (header, hash, key, value, next)                          32
 * its slot in the table (4 bytes, the table 3/8 to 3/4 full)              8
 * RecordKey (header, two references)                                      24
 * RecordVersion (header, four references, two longs)                      48
 * Instant (header, long, int)                                             24
 * key    a number: BigDecimal 40 (+ BigInteger past 18 digits)
 *        a string: String 24 + byte[] 16 + 1 byte a char (Latin-1) or 2
 * sums   Map.of: none shared, one 24, more 16 + array 16 + 8 a field;
 *        each value a BigDecimal 40 (+ BigInteger past 18 digits); field names are shared by all entries
 * json   String 24 + byte[] 16 + 1 byte a char (Latin-1) or 2
 * </pre>
 *
 * A Mockaroo-style record of 300 characters with a non-Latin-1 name and one sum field comes to
 * about 900 bytes. Left out: a BigDecimal's cached text (never made here) and the partial being
 * decoded (garbage once merged). An estimate, not a measurement: it is what the budget counts.
 */
final class EntrySize {
    static final long FIXED = 32 + 8 + 24 + 48 + 24;
    private static final long BIG_DECIMAL = 40;
    private static final long STRING = 24 + 16;

    private EntrySize() {
    }

    static long of(RecordVersion version) {
        long key = version.key().isNumber() ? decimal(version.key().number()) : string(version.key().text());
        return FIXED + key + sums(version) + string(version.json());
    }

    private static long sums(RecordVersion version) {
        int fields = version.sumValues().size();
        long map = switch (fields) {
            case 0 -> 0;
            case 1 -> 24;
            default -> 16 + align(16 + 8L * fields);
        };
        for (BigDecimal value : version.sumValues().values()) {
            map += decimal(value);
        }
        return map;
    }

    private static long decimal(BigDecimal value) {
        if (value.precision() <= 18) {
            return BIG_DECIMAL; // the unscaled value fits the BigDecimal's own long
        }
        long magnitudeInts = value.precision() * 3322L / 1000 / 32 + 1; // 3.322 bits a decimal digit
        return BIG_DECIMAL + 40 + align(16 + 4 * magnitudeInts);
    }

    private static long string(String text) {
        return align(STRING + (long) text.length() * (isLatin1(text) ? 1 : 2));
    }

    /** Compact strings keep Latin-1 text in one byte a char, anything else in two. */
    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
