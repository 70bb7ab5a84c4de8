package mq.aggregator.live;

import java.util.ArrayDeque;
import java.util.Deque;

/** One worker's share of one job so far, and its records of the last few seconds for a current rate. Not thread-safe. */
final class WorkerTally {
    /** The window of the current rate: long enough to smooth poll batches, short enough to show a change. */
    static final long RATE_WINDOW_MS = 5_000;

    private int chunks;
    private long records;
    private long busyNanos;
    private long firstPickupAt = Long.MAX_VALUE;
    private long lastDoneAt;
    private final Deque<long[]> recent = new ArrayDeque<>(); // {merged at, records}

    void add(long records, long busyNanos, long pickedUpAt, long doneAt, long mergedAt) {
        chunks++;
        this.records += records;
        this.busyNanos += busyNanos;
        firstPickupAt = Math.min(firstPickupAt, pickedUpAt);
        lastDoneAt = Math.max(lastDoneAt, doneAt);
        recent.addLast(new long[] {mergedAt, records});
        trim(mergedAt);
    }

    private void trim(long now) {
        while (!recent.isEmpty() && now - recent.peekFirst()[0] > RATE_WINDOW_MS) {
            recent.removeFirst();
        }
    }

    int chunks() {
        return chunks;
    }

    long records() {
        return records;
    }

    long busyMs() {
        return busyNanos / 1_000_000;
    }

    /** Records per second over the last few seconds while the job runs, over its whole share once it is over. */
    double recordsPerS(long now, boolean over) {
        if (over) {
            long span = lastDoneAt - firstPickupAt;
            return span <= 0 ? 0 : records * 1000.0 / span;
        }
        trim(now);
        return recent.stream().mapToLong(entry -> entry[1]).sum() * 1000.0 / RATE_WINDOW_MS;
    }
}
