package mq.lab.kernels;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The partial or final result of summing a slice. Merging partials is associative and
 * commutative (exactly so for longs), so slices can be summed in any order and combined.
 */
public sealed interface Total permits Total.LongTotal, Total.DoubleTotal, Total.CompensatedTotal {

    /** Merges two partials of the same kind. */
    Total plus(Total other);

    /** The best double approximation of this total (for error reports and charts). */
    double asDouble();

    /** The exact value this total represents, to compare against an exact reference. */
    BigDecimal exact();

    /** |this - exact| / |exact|: 0 when exact, infinite when exact is 0 and this is not. */
    default double relativeError(BigDecimal exactValue) {
        BigDecimal difference = exact().subtract(exactValue).abs();
        if (exactValue.signum() == 0) {
            return difference.signum() == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return difference.divide(exactValue.abs(), MathContext.DECIMAL64).doubleValue();
    }

    record LongTotal(long value) implements Total {
        @Override
        public Total plus(Total other) {
            // addExact: a silent wrap-around would look like a wrong strategy, not an overflow.
            return new LongTotal(Math.addExact(value, ((LongTotal) other).value));
        }

        @Override
        public double asDouble() {
            return value;
        }

        @Override
        public BigDecimal exact() {
            return BigDecimal.valueOf(value);
        }
    }

    record DoubleTotal(double value) implements Total {
        @Override
        public Total plus(Total other) {
            return new DoubleTotal(value + ((DoubleTotal) other).value);
        }

        @Override
        public double asDouble() {
            return value;
        }

        @Override
        public BigDecimal exact() {
            return new BigDecimal(value);
        }
    }

    /**
     * A Neumaier-compensated sum: {@code sum + compensation} is much closer to the exact
     * sum than {@code sum} alone, because {@code compensation} collects the low-order bits
     * that each addition rounded away.
     */
    record CompensatedTotal(double sum, double compensation) implements Total {
        @Override
        public Total plus(Total other) {
            CompensatedTotal that = (CompensatedTotal) other;
            double s = sum + that.sum;
            // Same two-sum step as the kernel: recover what rounding lost when adding the sums.
            double lost = Math.abs(sum) >= Math.abs(that.sum) ? (sum - s) + that.sum : (that.sum - s) + sum;
            return new CompensatedTotal(s, compensation + that.compensation + lost);
        }

        @Override
        public double asDouble() {
            return sum + compensation;
        }

        @Override
        public BigDecimal exact() {
            return new BigDecimal(sum).add(new BigDecimal(compensation));
        }
    }
}
