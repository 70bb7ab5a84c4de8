package mq.lab.threads;

import java.nio.file.Path;
import java.util.List;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;

/**
 * Everything one sweep needs, already validated by the command.
 *
 * @param bandwidthMegabytes size of the memory bandwidth pass; 0 skips it
 */
public record ThreadsConfig(List<Integer> sizes, List<Integer> threads, List<SumStrategy> strategies,
        int runs, int warmup, NumberType type, boolean compensated, int bandwidthMegabytes, long seed,
        Path out, boolean progress) {

    public ThreadsConfig {
        sizes = List.copyOf(sizes);
        threads = List.copyOf(threads);
        strategies = List.copyOf(strategies);
    }

    /** Label of the numbers being summed, e.g. "long" or "double (compensated)". */
    public String typeLabel() {
        return type == NumberType.DOUBLE && compensated ? "double (compensated)" : type.label();
    }

    /** How many timed sums (warm-up included) the sweep will run, for the progress bar. */
    public long totalRuns() {
        long threadedCells = strategies.stream()
                .filter(s -> s.usesThreads() && s.unavailableReason().isEmpty()).count() * threads.size();
        long baseline = warmup + (long) runs * Sweep.BASELINE_RUNS_FACTOR;
        return sizes.size() * (baseline + threadedCells * (warmup + runs));
    }
}
