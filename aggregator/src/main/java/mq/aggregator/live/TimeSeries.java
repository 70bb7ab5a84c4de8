package mq.aggregator.live;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One sample a second of a job's throughput, live workers and group lag, the oldest dropped past
 * {@code capacity} so that a long job cannot grow the aggregator's memory. Not thread-safe.
 */
final class TimeSeries {
    record Point(long at, double recordsPerS, double mbPerS, int liveWorkers, long lag) {
    }

    private final int capacity;
    private final Deque<Point> points = new ArrayDeque<>();

    TimeSeries(int capacity) {
        this.capacity = capacity;
    }

    void add(Point point) {
        if (points.size() == capacity) {
            points.removeFirst();
        }
        points.addLast(point);
    }

    int size() {
        return points.size();
    }

    /** Column arrays, as a chart library wants them: times in seconds, then one array per measure. */
    LiveViews.Series columns() {
        int n = points.size();
        double[] t = new double[n];
        double[] records = new double[n];
        double[] mb = new double[n];
        int[] workers = new int[n];
        long[] lag = new long[n];
        int i = 0;
        for (Point p : points) {
            t[i] = p.at() / 1000.0;
            records[i] = Math.round(p.recordsPerS());
            mb[i] = Math.round(p.mbPerS() * 1000) / 1000.0;
            workers[i] = p.liveWorkers();
            lag[i] = p.lag();
            i++;
        }
        return new LiveViews.Series(t, records, mb, workers, lag);
    }
}
