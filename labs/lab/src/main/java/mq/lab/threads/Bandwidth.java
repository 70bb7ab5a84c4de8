package mq.lab.threads;

import mq.lab.kernels.FixedPool;
import mq.lab.kernels.SumStrategy;
import mq.lab.kernels.Total;
import mq.lab.kernels.Workload;

/**
 * The physical limit for summing an array: how fast this machine streams memory into all
 * its cores. Measured with the lab's own kernel on an array far larger than any cache.
 *
 * @param gigabytesPerSecond best of the measured runs, 10^9 bytes per second
 */
public record Bandwidth(double gigabytesPerSecond, long bytes, int threads) {

    static final int WARMUP = 3;
    static final int RUNS = 10;

    public static Bandwidth notMeasured() {
        return new Bandwidth(Double.NaN, 0, 0);
    }

    public boolean measured() {
        return !Double.isNaN(gigabytesPerSecond);
    }

    /**
     * Sums a {@code megabytes}-sized long[] with {@code threads} pool threads and keeps the
     * fastest run: interference only ever slows a run down, so the best is closest to the hardware.
     */
    public static Bandwidth measure(int megabytes, int threads) throws InterruptedException {
        long[] values = new long[Math.toIntExact(megabytes * (1L << 20) / Long.BYTES)];
        // Writing every element makes the OS back each page with real memory before the clock starts.
        java.util.Arrays.fill(values, 1L);
        Workload workload = new Workload.Longs(values);
        long best = Long.MAX_VALUE;
        try (SumStrategy.Session session = new FixedPool().open(threads)) {
            for (int run = 0; run < WARMUP + RUNS; run++) {
                long start = System.nanoTime();
                Total total = session.sum(workload);
                long elapsed = System.nanoTime() - start;
                if (((Total.LongTotal) total).value() != values.length) {
                    throw new IllegalStateException("bandwidth pass summed wrongly: " + total);
                }
                if (run >= WARMUP) {
                    best = Math.min(best, elapsed);
                }
            }
        }
        return new Bandwidth(workload.bytes() / (double) best, workload.bytes(), threads);
    }
}
