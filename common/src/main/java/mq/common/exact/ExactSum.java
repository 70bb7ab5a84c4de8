package mq.common.exact;

import java.math.BigDecimal;

/**
 * An exact running sum of decimal numbers.
 *
 * <p>Most inputs are integers that fit in a {@code long}, so those are added in a {@code long}
 * and spilled into a {@link BigDecimal} only when the next addition would overflow. Decimals go
 * straight to the {@code BigDecimal}. The value is therefore exact for any input and any order of
 * additions, and costs little more than a plain loop on integer data.
 */
public final class ExactSum {
    private long fastPart;
    private BigDecimal slowPart = BigDecimal.ZERO;

    public void add(long value) {
        long result = fastPart + value;
        // Overflow iff both operands have the same sign and the result's sign differs (Hacker's Delight 2-13).
        if (((fastPart ^ result) & (value ^ result)) < 0) {
            slowPart = slowPart.add(BigDecimal.valueOf(fastPart));
            fastPart = value;
        } else {
            fastPart = result;
        }
    }

    public void add(BigDecimal value) {
        slowPart = slowPart.add(value);
    }

    public void add(ExactSum other) {
        add(other.fastPart);
        add(other.slowPart);
    }

    public BigDecimal value() {
        return slowPart.add(BigDecimal.valueOf(fastPart));
    }
}
