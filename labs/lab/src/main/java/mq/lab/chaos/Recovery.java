package mq.lab.chaos;

import java.util.ArrayList;
import java.util.List;

/** Figures computed from a run's progress: how long the fault stopped the merge, and throughput over time. */
final class Recovery {
    private Recovery() {
    }

    /**
     * The longest time, from the fault on, in which no chunk was merged: how long the job stood still
     * because of it (0 when the merge never paused longer than between two progress messages).
     *
     * @param samples progress in time order
     * @param faultAt when the fault fired (epoch ms)
     * @param endAt   when the job ended (epoch ms): a pause may last until then
     */
    static long stallMillis(List<ProgressLog.Sample> samples, long faultAt, long endAt) {
        long longest = 0;
        long lastChange = faultAt;
        int lastChunks = -1;
        for (ProgressLog.Sample s : samples) {
            if (s.chunks() == lastChunks) {
                continue;
            }
            lastChunks = s.chunks();
            if (s.at() > faultAt) {
                longest = Math.max(longest, s.at() - lastChange);
                lastChange = s.at();
            }
        }
        return Math.max(longest, endAt - lastChange);
    }

    /** Records merged per second in bins of {@code binMillis}, from {@code startAt}: x in seconds since the start. */
    static double[][] throughput(List<ProgressLog.Sample> samples, long startAt, long binMillis) {
        if (samples.isEmpty()) {
            return new double[][] {{0}, {0}};
        }
        long last = samples.get(samples.size() - 1).at();
        int bins = (int) Math.max(1, (last - startAt) / binMillis + 1);
        double[] merged = new double[bins];
        long previous = 0;
        for (ProgressLog.Sample s : samples) {
            int bin = (int) Math.max(0, Math.min(bins - 1, (s.at() - startAt) / binMillis));
            merged[bin] += Math.max(0, s.records() - previous);
            previous = Math.max(previous, s.records());
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            points.add(new double[] {(i + 0.5) * binMillis / 1000.0, merged[i] * 1000.0 / binMillis});
        }
        return new double[][] {points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()};
    }
}
