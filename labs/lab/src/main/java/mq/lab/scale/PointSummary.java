package mq.lab.scale;

import java.util.Arrays;
import java.util.List;

/**
 * The repeats of one point condensed: median throughput (the figure charts use), its spread, and
 * speedup and efficiency against the same line's 1-worker point (or its fewest workers).
 */
public record PointSummary(String series, String group, int workers, int threads, int chunkSize, int workMicros,
                           int runs, double medianRecordsPerS, double minRecordsPerS, double maxRecordsPerS,
                           double medianEndToEndMs, double speedup, double efficiency,
                           double meanQueueMs, double meanProcessingMs, double meanDeliveryMs, double utilization) {

    static PointSummary of(ScalePoint point, List<RunResult> runs, double baselineRecordsPerS, int baselineWorkers) {
        double[] throughput = runs.stream().mapToDouble(RunResult::recordsPerS).sorted().toArray();
        double median = median(throughput);
        double speedup = baselineRecordsPerS > 0 ? median / baselineRecordsPerS : Double.NaN;
        return new PointSummary(point.series(), point.group().optionName(), point.workers(), point.threads(),
                point.chunkSize(), point.workMicros(), runs.size(), round(median), throughput[0],
                throughput[throughput.length - 1],
                median(runs.stream().mapToDouble(RunResult::endToEndMs).sorted().toArray()),
                round(speedup), round(speedup * baselineWorkers / point.workers()),
                round(mean(runs.stream().mapToDouble(RunResult::meanQueueMs).toArray())),
                round(mean(runs.stream().mapToDouble(RunResult::meanProcessingMs).toArray())),
                round(mean(runs.stream().mapToDouble(RunResult::meanDeliveryMs).toArray())),
                round(mean(runs.stream().mapToDouble(RunResult::utilization).toArray())));
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }
}
