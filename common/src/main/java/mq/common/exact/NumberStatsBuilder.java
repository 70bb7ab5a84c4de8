package mq.common.exact;

import java.math.BigDecimal;

/** Accumulates numbers one at a time into {@link NumberStats}, with a {@code long} fast path for integers. */
public final class NumberStatsBuilder {
    private long count;
    private final ExactSum sum = new ExactSum();
    private long minLong = Long.MAX_VALUE;
    private long maxLong = Long.MIN_VALUE;
    private BigDecimal minDecimal;
    private BigDecimal maxDecimal;

    public void add(long value) {
        count++;
        sum.add(value);
        if (value < minLong) minLong = value;
        if (value > maxLong) maxLong = value;
    }

    public void add(BigDecimal value) {
        count++;
        sum.add(value);
        if (minDecimal == null || value.compareTo(minDecimal) < 0) minDecimal = value;
        if (maxDecimal == null || value.compareTo(maxDecimal) > 0) maxDecimal = value;
    }

    public long count() {
        return count;
    }

    public NumberStats build() {
        NumberStats longs = minLong <= maxLong
                ? new NumberStats(0, BigDecimal.ZERO, BigDecimal.valueOf(minLong), BigDecimal.valueOf(maxLong))
                : NumberStats.EMPTY;
        NumberStats decimals = new NumberStats(count, sum.value(), minDecimal, maxDecimal);
        return longs.merge(decimals);
    }
}
