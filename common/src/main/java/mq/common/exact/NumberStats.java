package mq.common.exact;

import java.math.BigDecimal;

/**
 * Count, exact sum, minimum and maximum of a set of numbers: the partial result of a numbers chunk.
 *
 * <p>Immutable; {@link #merge} is associative and commutative and {@link #EMPTY} is its identity,
 * so partial results can be combined in any grouping and order.
 *
 * @param min {@code null} when {@code count} is 0
 * @param max {@code null} when {@code count} is 0
 */
public record NumberStats(long count, BigDecimal sum, BigDecimal min, BigDecimal max) {
    public static final NumberStats EMPTY = new NumberStats(0, BigDecimal.ZERO, null, null);

    public NumberStats merge(NumberStats other) {
        return new NumberStats(
                Math.addExact(count, other.count),
                sum.add(other.sum),
                smaller(min, other.min),
                larger(max, other.max));
    }

    private static BigDecimal smaller(BigDecimal a, BigDecimal b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static BigDecimal larger(BigDecimal a, BigDecimal b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The same statistics with every number in canonical form, so equal values compare equal with {@code equals}. */
    public NumberStats canonical() {
        return new NumberStats(count, canonical(sum), canonical(min), canonical(max));
    }

    private static BigDecimal canonical(BigDecimal value) {
        return value == null ? null : new BigDecimal(DecimalText.format(value));
    }
}
