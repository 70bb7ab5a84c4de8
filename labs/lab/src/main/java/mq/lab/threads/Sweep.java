package mq.lab.threads;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import mq.lab.kernels.Sequential;
import mq.lab.kernels.SumStrategy;
import mq.lab.kernels.Total;
import mq.lab.kernels.Workload;

/**
 * Runs every (size, strategy, threads) cell on the same array: warm-up runs, then timed
 * runs, each result checked against the exact sum. The sequential baseline always runs
 * first, so every cell's speedup is known when it is reported, then the strategies in the
 * configured order.
 */
public final class Sweep {

    /**
     * How many more runs the baseline gets than a cell: every speedup of a size divides by
     * its median, so its noise would spread to the whole size. (Pairing each timed run with
     * a sequential one was tried and rejected: the sequential run right after 24 threads
     * were torn down came out up to twice as slow, flattering exactly the worst cells.)
     */
    static final int BASELINE_RUNS_FACTOR = 3;

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
            double baselineNanos = Double.NaN;
            for (SumStrategy strategy : runnable) {
                for (int threads : strategy.usesThreads() ? config.threads() : List.of(1)) {
                    Measurement measurement = measure(strategy, threads, workload, exact, baselineNanos, listener);
                    if (strategy instanceof Sequential) {
                        baselineNanos = measurement.medianMs() * 1e6;
                    }
                    measurements.add(measurement);
                    listener.onMeasurement(measurement);
                }
            }
        }
        return new SweepResult(config, cores, Runtime.version().toString(), bandwidth, measurements, notes);
    }

    private Measurement measure(SumStrategy strategy, int threads, Workload workload, BigDecimal exact,
            double baselineNanos, Listener listener) throws InterruptedException {
        boolean isBaseline = strategy instanceof Sequential;
        int runs = config.runs() * (isBaseline ? BASELINE_RUNS_FACTOR : 1);
        long[] nanos = new long[runs];
        double worstError = 0;
        Total last = workload.zero();
        try (SumStrategy.Session session = strategy.open(threads)) {
            for (int run = 0; run < config.warmup() + runs; run++) {
                long start = System.nanoTime();
                Total total = session.sum(workload);
                long elapsed = System.nanoTime() - start;
                // Checked outside the timed region, on warm-up runs too: a wrong sum is a bug whenever it happens.
                worstError = Math.max(worstError, total.relativeError(exact));
                last = total;
                if (run >= config.warmup()) {
                    nanos[run - config.warmup()] = elapsed;
                }
                listener.onRun();
            }
        }
        Stats stats = Stats.of(nanos);
        double baseline = isBaseline ? stats.medianNanos() : baselineNanos;
        double speedup = isBaseline || stats.medianNanos() == 0 ? 1 : baseline / stats.medianNanos();
        double gigabytesPerSecond = stats.medianNanos() == 0 ? 0 : workload.bytes() / stats.medianNanos();
        return new Measurement(config.typeLabel(), workload.size(), strategy.name(), threads, stats.runs(),
                stats.medianNanos() / 1e6, stats.minNanos() / 1e6, stats.maxNanos() / 1e6,
                stats.q1Nanos() / 1e6, stats.q3Nanos() / 1e6, stats.spread(), baseline / 1e6,
                speedup, speedup / threads, gigabytesPerSecond,
                bandwidth.measured() ? gigabytesPerSecond / bandwidth.gigabytesPerSecond() : Double.NaN,
                last.asDouble(), worstError, worstError <= workload.allowedRelativeError());
    }
}
