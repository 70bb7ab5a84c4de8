package mq.worker.reduce;

import mq.common.exact.DecimalText;
import mq.common.exact.NumberLimits;
import mq.common.exact.NumberStatsBuilder;
import mq.common.protocol.ChunkMeta;

/**
 * Reduces a chunk of numbers, one per line, to count, exact sum, minimum and maximum.
 *
 * <p>Plain integers of up to 18 digits are parsed straight from the bytes into a {@code long}
 * (no String, no BigDecimal): that is nearly all real data and keeps this loop fast. Anything
 * else (decimals, scientific notation, huge integers) goes through {@link java.math.BigDecimal},
 * which is exact for all of them.
 */
final class NumbersReducer {
    /** The most digits that always fit in a long. */
    private static final int MAX_FAST_DIGITS = 18;
    private final BusyWork busyWork;

    NumbersReducer(BusyWork busyWork) {
        this.busyWork = busyWork;
    }

    record Result(NumberStatsBuilder stats, BadLines bad) {
    }

    Result reduce(ChunkMeta meta, byte[] body) {
        NumberStatsBuilder stats = new NumberStatsBuilder();
        BadLines bad = new BadLines();
        // A digit limit below 18 (--max-number-digits) must hold on the fast path too.
        int fastDigits = Math.min(MAX_FAST_DIGITS, NumberLimits.current().maxDigits());
        BodyLines.forEach(body, (bodyLine, from, to) -> {
            if (from == to) {
                return;
            }
            busyWork.perRecord();
            if (!addFastInteger(stats, body, from, to, fastDigits)) {
                String text = BodyLines.text(body, from, to);
                try {
                    stats.add(DecimalText.parse(text));
                } catch (NumberFormatException e) {
                    bad.add(meta.inputLine(bodyLine), text, e.getMessage());
                }
            }
        });
        return new Result(stats, bad);
    }

    /** Adds the line if it is a plain integer of at most {@code maxDigits} (≤ 18) digits, which always fits in a long. */
    private static boolean addFastInteger(NumberStatsBuilder stats, byte[] body, int from, int to, int maxDigits) {
        int i = from;
        boolean negative = false;
        if (body[i] == '-' || body[i] == '+') {
            negative = body[i] == '-';
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > maxDigits) {
            return false;
        }
        long value = 0;
        for (; i < to; i++) {
            int d = body[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            value = value * 10 + d;
        }
        stats.add(negative ? -value : value);
        return true;
    }
}
