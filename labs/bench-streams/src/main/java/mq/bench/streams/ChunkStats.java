package mq.bench.streams;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import mq.common.exact.NumberStats;
import mq.common.exact.NumberStatsBuilder;

/**
 * What a Kafka Streams user would write to sum a chunk of numbers exactly: split the lines, read
 * integers as {@code long} and anything else as {@link BigDecimal}, and carry the totals as text.
 */
final class ChunkStats {
    private ChunkStats() {
    }

    static NumberStats of(byte[] chunk) {
        NumberStatsBuilder stats = new NumberStatsBuilder();
        String text = new String(chunk, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).trim();
            if (!line.isEmpty()) {
                add(stats, line);
            }
            start = end + 1;
        }
        return stats.build();
    }

    private static void add(NumberStatsBuilder stats, String line) {
        try {
            stats.add(Long.parseLong(line));
        } catch (NumberFormatException notAnInteger) {
            stats.add(new BigDecimal(line));
        }
    }

    /** {@code count,sum,min,max}: exact decimal text, empty for a missing min or max. */
    static String encode(NumberStats stats) {
        return stats.count() + "," + stats.sum().toPlainString() + "," + text(stats.min()) + "," + text(stats.max());
    }

    static NumberStats decode(String text) {
        String[] parts = text.split(",", -1);
        return new NumberStats(Long.parseLong(parts[0]), new BigDecimal(parts[1]), decimal(parts[2]), decimal(parts[3]));
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
