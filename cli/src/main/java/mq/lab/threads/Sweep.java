package mq.lab.threads;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every (size, strategy, threads) cell on the same array: warm-up runs, then timed
 * runs, each result checked against the exact sum. The sequential baseline always runs
 * first, then the strategies in the configured order.
 */
public final class Sweep {

    /** What the sweep reports while it runs. */
    public interface Listener {
        /** After every single sum, warm-up included. */
        default void onRun() {
        }

        default void onMeasurement(Measurement measurement) {
        }

        default void onNote(String note) {
        }
    }

    private final ThreadsConfig config;
    private final Bandwidth bandwidth;

    public Sweep(ThreadsConfig config, Bandwidth bandwidth) {
        this.config = config;
        this.bandwidth = bandwidth;
    }

    public SweepResult run(int cores, Listener listener) throws InterruptedException {
        List<Measurement> measurements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SumStrategy> runnable = new ArrayList<>();
        runnable.add(new Sequential());
        for (SumStrategy strategy : config.strategies()) {
            if (strategy instanceof Sequential) {
                continue;
            }
            strategy.unavailableReason().ifPresentOrElse(reason -> {
                String note = "skipped " + strategy.name() + ": " + reason;
                notes.add(note);
                listener.onNote(note);
            }, () -> runnable.add(strategy));
        }
        for (int size : config.sizes()) {
            Workload workload = Workload.random(config.type(), config.compensated(), size, config.seed() + size);
            BigDecimal exact = workload.exactSum();
            for (SumStrategy strategy : runnable) {
                for (int threads : strategy.usesThreads() ? config.threads() : List.of(1)) {
                    Measurement measurement = measure(strategy, threads, workload, exact, listener);
                    measurements.add(measurement);
                    listener.onMeasurement(measurement);
                }
            }
        }
        return new SweepResult(config, cores, Runtime.version().toString(), bandwidth, measurements, notes);
    }

    /**
     * Times one cell. Each run of a threaded strategy is paired with a run of the sequential
     * loop right after it, and the cell's speedup divides the two medians: on a shared
     * machine, load comes and goes, and a baseline measured once, minutes earlier, would
     * skew every speedup of the size by whatever happened to be running then.
     */
    private Measurement measure(SumStrategy strategy, int threads, Workload workload, BigDecimal exact,
            Listener listener) throws InterruptedException {
        boolean paired = !(strategy instanceof Sequential);
        long[] nanos = new long[config.runs()];
        long[] baselineNanos = new long[config.runs()];
        double worstError = 0;
        Total last = workload.zero();
        try (SumStrategy.Session session = strategy.open(threads);
                SumStrategy.Session baseline = new Sequential().open(1)) {
            for (int run = 0; run < config.warmup() + config.runs(); run++) {
                long start = System.nanoTime();
                Total total = session.sum(workload);
                long elapsed = System.nanoTime() - start;
                long baselineElapsed = paired ? time(baseline, workload) : elapsed;
                // Checked outside the timed region, on warm-up runs too: a wrong sum is a bug whenever it happens.
                worstError = Math.max(worstError, relativeError(total, exact));
                last = total;
                if (run >= config.warmup()) {
                    nanos[run - config.warmup()] = elapsed;
                    baselineNanos[run - config.warmup()] = baselineElapsed;
                }
                listener.onRun();
            }
        }
        Stats stats = Stats.of(nanos);
        double baselineMedian = Stats.of(baselineNanos).medianNanos();
        double speedup = stats.medianNanos() == 0 ? 1 : baselineMedian / stats.medianNanos();
        double gigabytesPerSecond = stats.medianNanos() == 0 ? 0 : workload.bytes() / stats.medianNanos();
        return new Measurement(config.typeLabel(), workload.size(), strategy.name(), threads, stats.runs(),
                stats.medianNanos() / 1e6, stats.minNanos() / 1e6, stats.maxNanos() / 1e6,
                stats.q1Nanos() / 1e6, stats.q3Nanos() / 1e6, stats.spread(), baselineMedian / 1e6,
                speedup, speedup / threads, gigabytesPerSecond,
                bandwidth.measured() ? gigabytesPerSecond / bandwidth.gigabytesPerSecond() : Double.NaN,
                last.asDouble(), worstError, worstError <= workload.allowedRelativeError());
    }

    private static long time(SumStrategy.Session session, Workload workload) throws InterruptedException {
        long start = System.nanoTime();
        session.sum(workload);
        return System.nanoTime() - start;
    }

    static double relativeError(Total total, BigDecimal exact) {
        BigDecimal difference = total.exact().subtract(exact).abs();
        if (exact.signum() == 0) {
            return difference.signum() == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return difference.divide(exact, MathContext.DECIMAL64).doubleValue();
    }
}
