package mq.worker.reduce;

/**
 * A fixed amount of CPU work per record, for experiments that vary the cost of processing.
 *
 * <p>It is a computation, not a sleep and not a spin on the clock: a thread that is descheduled
 * does not get its work done for free, so adding threads beyond the number of cores shows no false
 * speedup. How many iterations make a microsecond is measured once ({@link #calibrate}); a launcher
 * measures it and hands the figure to every worker it starts, so that all of them, and the
 * in-process baseline, do exactly the same work per record even when one of them would have
 * measured it on a busy core.
 */
public final class BusyWork {
    public static final BusyWork NONE = new BusyWork(0);

    private final long iterationsPerRecord;
    private volatile long sink;

    private BusyWork(long iterationsPerRecord) {
        this.iterationsPerRecord = iterationsPerRecord;
    }

    /** Work calibrated in this process. */
    public static BusyWork microsPerRecord(int micros) {
        return of(micros, micros == 0 ? 0 : iterationsPerMicro());
    }

    /** Work calibrated elsewhere: {@code iterationsPerMicro} as returned by {@link #iterationsPerMicro()}. */
    public static BusyWork of(int micros, double iterationsPerMicro) {
        if (micros < 0) {
            throw new IllegalArgumentException("work per record must be 0 or more microseconds, was " + micros);
        }
        if (micros > 0 && !(iterationsPerMicro > 0)) {
            throw new IllegalArgumentException("the work calibration must be a positive number, was " + iterationsPerMicro);
        }
        return micros == 0 ? NONE : new BusyWork(Math.max(1, Math.round(micros * iterationsPerMicro)));
    }

    /** Iterations of the busy loop per microsecond on this machine, measured once per process. */
    public static double iterationsPerMicro() {
        return Calibration.ITERATIONS_PER_MICRO;
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
            long sink = 0;
            // Many short calls, as per record: the JIT compiles spin() fully before anything is timed.
            for (int i = 0; i < 2_000; i++) {
                sink += spin(20_000, i);
            }
            // The fastest of several rounds: a round that lost the core to another process runs slower, never faster.
            double best = 0;
            long iterations = 2_000_000;
            for (int round = 0; round < 9; round++) {
                long start = System.nanoTime();
                sink += spin(iterations, start);
                long nanos = Math.max(1, System.nanoTime() - start);
                best = Math.max(best, iterations * 1000.0 / nanos);
            }
            if (sink == 42) {
                System.out.print(""); // keeps the loop's result alive so the JIT cannot drop it
            }
            return best;
        }
    }
}
