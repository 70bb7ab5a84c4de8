package mq.lab.kernels;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An array of random numbers plus the kernel that sums a slice of it. Strategies only
 * decide how to cut the work and where to run it; the summing itself lives here.
 */
public sealed interface Workload permits Workload.Longs, Workload.Doubles {

    /** Random longs are drawn from [0, LONG_BOUND): even 2^31 of them sum to less than 2^52, so no overflow. */
    long LONG_BOUND = 1_000_000L;

    int size();

    Total sum(int from, int to);

    Total zero();

    /** {@code Arrays.stream(values).parallel().sum()}: runs in the calling thread's ForkJoinPool. */
    Total parallelStreamSum();

    /** The exact mathematical sum of the array, to check every strategy against. */
    BigDecimal exactSum();

    /**
     * How far a correct result may be from {@link #exactSum()}, relative to it. Zero for
     * longs; for doubles the classic bound on the rounding error of the summation.
     */
    double allowedRelativeError();

    /** Bytes the kernel streams through for one sum: the basis of a GB/s figure. */
    default long bytes() {
        return 8L * size();
    }

    static Workload random(NumberType type, boolean compensated, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return switch (type) {
            case LONG -> new Longs(random.longs(size, 0, LONG_BOUND).toArray());
            // Same distribution as Random.nextDouble(): k / 2^53 for a random 53-bit k.
            case DOUBLE -> new Doubles(random.longs(size, 0, 1L << 53).mapToDouble(k -> k * 0x1.0p-53).toArray(),
                    compensated);
        };
    }

    record Longs(long[] values) implements Workload {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Total sum(int from, int to) {
            return new Total.LongTotal(Kernels.sum(values, from, to));
        }

        @Override
        public Total zero() {
            return new Total.LongTotal(0);
        }

        @Override
        public Total parallelStreamSum() {
            return new Total.LongTotal(Arrays.stream(values).parallel().sum());
        }

        @Override
        public BigDecimal exactSum() {
            long sum = 0;
            for (long v : values) {
                sum = Math.addExact(sum, v);
            }
            return BigDecimal.valueOf(sum);
        }

        @Override
        public double allowedRelativeError() {
            return 0;
        }
    }

    /**
     * Random doubles in [0, 1). With {@code compensated} every slice is summed with
     * Neumaier's compensated kernel instead of the plain loop.
     */
    record Doubles(double[] values, boolean compensated) implements Workload {
        private static final double UNIT = Math.ulp(1.0) / 2;

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Total sum(int from, int to) {
            return compensated
                    ? Kernels.compensatedSum(values, from, to)
                    : new Total.DoubleTotal(Kernels.sum(values, from, to));
        }

        @Override
        public Total zero() {
            return compensated ? new Total.CompensatedTotal(0, 0) : new Total.DoubleTotal(0);
        }

        @Override
        public Total parallelStreamSum() {
            // DoubleStream.sum() compensates internally, so both variants get the stream's own algorithm.
            double sum = Arrays.stream(values).parallel().sum();
            return compensated ? new Total.CompensatedTotal(sum, 0) : new Total.DoubleTotal(sum);
        }

        /**
         * Every value is a multiple of 2^-53 (see {@link Workload#random}), so the exact sum is
         * an integer number of 2^-53 units: add them as integers, in batches that cannot
         * overflow a long, and convert once. Far faster than a BigDecimal per element.
         */
        @Override
        public BigDecimal exactSum() {
            BigInteger units = BigInteger.ZERO;
            long batch = 0;
            int inBatch = 0;
            for (double v : values) {
                double scaled = v * 0x1.0p53;
                long k = (long) scaled;
                if (k != scaled || k < 0) {
                    throw new IllegalStateException("not a non-negative multiple of 2^-53: " + v);
                }
                batch += k;
                // 2^53 * 512 = 2^62: a batch of 512 values always fits in a long.
                if (++inBatch == 512) {
                    units = units.add(BigInteger.valueOf(batch));
                    batch = 0;
                    inBatch = 0;
                }
            }
            units = units.add(BigInteger.valueOf(batch));
            return new BigDecimal(units).multiply(new BigDecimal(0x1.0p-53));
        }

        @Override
        public double allowedRelativeError() {
            // Positive addends: plain recursive summation is off by at most (n-1)u relative,
            // a compensated one by about 2u + n u^2 (Higham, Accuracy and Stability, ch. 4).
            // The compensated bound gets 2u of slack for the steps that merge the slices.
            double n = Math.max(1, values.length);
            return compensated ? 4 * UNIT + n * UNIT * UNIT : n * UNIT;
        }
    }
}
