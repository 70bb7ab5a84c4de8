package mq.lab.threads;

import java.util.Arrays;

/**
 * Summary of repeated timings. The median, not the mean, is the headline: one run slowed
 * by a GC or a neighbour on a shared machine moves the mean but not the median.
 *
 * @param spread interquartile range relative to the median (0.05 = the middle half of the runs lies within 5%)
 */
public record Stats(int runs, double medianNanos, double minNanos, double maxNanos, double q1Nanos, double q3Nanos,
        double spread) {

    public static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timings");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = quantile(sorted, 0.5);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        return new Stats(sorted.length, median, sorted[0], sorted[sorted.length - 1], q1, q3,
                median == 0 ? 0 : (q3 - q1) / median);
    }

    /** Linear interpolation between closest ranks (the default of R and NumPy). */
    static double quantile(long[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
