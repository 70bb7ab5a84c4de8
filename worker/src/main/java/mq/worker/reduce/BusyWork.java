package mq.worker.reduce;

/**
 * A fixed amount of CPU work per record, for experiments that vary the cost of processing.
 *
 * <p>It is a computation, not a sleep and not a spin on the clock: a thread that is descheduled
 * does not get its work done for free, so adding threads beyond the number of cores shows no false
 * speedup. The number of iterations per microsecond is measured once per process.
 */
public final class BusyWork {
    public static final BusyWork NONE = new BusyWork(0);

    private final long iterationsPerRecord;
    private volatile long sink;

    private BusyWork(long iterationsPerRecord) {
        this.iterationsPerRecord = iterationsPerRecord;
    }

    public static BusyWork microsPerRecord(int micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("work per record must be 0 or more microseconds, was " + micros);
        }
        return micros == 0 ? NONE : new BusyWork(Math.max(1, Math.round(micros * Calibration.ITERATIONS_PER_MICRO)));
    }

    void perRecord() {
        if (iterationsPerRecord > 0) {
            sink += spin(iterationsPerRecord, sink);
        }
    }

    static long spin(long iterations, long seed) {
        long x = seed | 1;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Measured lazily, only by processes that use busy work. */
    private static final class Calibration {
        static final double ITERATIONS_PER_MICRO = measure();

        private static double measure() {
            long iterations = 1_000_000;
            spin(iterations, 1); // warm up the JIT
            double best = 0;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                long result = spin(iterations, start);
                long nanos = Math.max(1, System.nanoTime() - start);
                if (result == 42) System.out.print(""); // keep the result alive
                best = Math.max(best, iterations * 1000.0 / nanos);
            }
            return best;
        }
    }
}
