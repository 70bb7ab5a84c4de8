package mq.aggregator.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;

/** What the live page knows of one job: progress, per-worker shares, samples and recent chunk bars. Not thread-safe. */
final class JobLive {
    /** Samples kept per job: an hour at one a second. */
    static final int SERIES_CAPACITY = 3_600;
    /** Chunk bars kept per job for the timeline; older ones scroll off. */
    static final int BARS_CAPACITY = 3_000;
    /**
     * Rates are taken over this window: partials arrive a chunk at a time, so a per-second rate of
     * chunks of 10,000 records at 20,000 records/s jumps between 0 and 40,000; five seconds smooth
     * that and still show a step in a few seconds.
     */
    static final long RATE_WINDOW_MS = 5_000;

    private final String job;
    private final long firstSeenAt;
    private JobEvent.Started started;
    private int expectedChunks = -1;
    private int merged;
    private long records;
    private long bytes;
    private long duplicates;
    private JobReport report;
    private final Map<String, WorkerTally> workers = new TreeMap<>();
    private final TimeSeries series = new TimeSeries(SERIES_CAPACITY);
    private final Deque<LiveViews.ChunkBar> bars = new ArrayDeque<>();
    private long nextBar;
    /** {at, records, bytes} of the samples of the last {@link #RATE_WINDOW_MS}, oldest first: the rates' base. */
    private final Deque<long[]> window = new ArrayDeque<>();

    JobLive(String job, long now) {
        this.job = job;
        this.firstSeenAt = now;
        window.addLast(new long[] {now, 0, 0});
    }

    void event(JobEvent event) {
        if (event instanceof JobEvent.Started s) {
            started = s;
        } else if (event instanceof JobEvent.Ended ended) {
            expectedChunks = ended.chunks();
        }
    }

    void partial(Partial partial, boolean first, long now) {
        if (!first) {
            duplicates++;
            return;
        }
        if (partial.failed()) {
            return;
        }
        merged++;
        records += partial.records();
        bytes += partial.bytes();
        workers.computeIfAbsent(partial.worker(), w -> new WorkerTally())
                .add(partial.records(), partial.busyNanos(), partial.pickedUpAt(), partial.doneAt(), now);
        if (bars.size() == BARS_CAPACITY) {
            bars.removeFirst();
        }
        bars.addLast(new LiveViews.ChunkBar(nextBar++, partial.chunk(), partial.worker(), partial.producedAt(),
                partial.pickedUpAt(), partial.doneAt()));
    }

    void finished(JobReport report, long now, int liveWorkers, long lag) {
        sample(now, liveWorkers, lag);
        this.report = report;
    }

    boolean isOver() {
        return report != null;
    }

    /** Adds a point: the rates over the last few seconds. Nothing once the job is over. */
    void sample(long now, int liveWorkers, long lag) {
        if (isOver() || now <= window.peekLast()[0]) {
            return;
        }
        while (window.size() > 1 && now - window.peekFirst()[0] > RATE_WINDOW_MS) {
            window.removeFirst();
        }
        long[] base = window.peekFirst();
        double seconds = (now - base[0]) / 1000.0;
        series.add(new TimeSeries.Point(now, (records - base[1]) / seconds,
                (bytes - base[2]) / seconds / 1_000_000.0, liveWorkers, lag));
        window.addLast(new long[] {now, records, bytes});
    }

    String job() {
        return job;
    }

    long startedAt() {
        return started != null ? started.startedAt() : firstSeenAt;
    }

    JobReport report() {
        return report;
    }

    Map<String, WorkerTally> workers() {
        return workers;
    }

    LiveViews.JobSummary summary() {
        String status = report != null ? report.status() : "running";
        String kind = started != null ? started.kind().wireName() : null;
        LiveViews.KeyFigures figures = report == null ? null : new LiveViews.KeyFigures(report.count(), report.verified(),
                report.timings() == null ? 0 : report.timings().endToEndMs(),
                report.throughput() == null ? 0 : report.throughput().recordsPerS(),
                report.throughput() == null ? 0 : report.throughput().mbPerS(),
                report.workers(), report.duplicatesIgnored(), report.error());
        return new LiveViews.JobSummary(job, kind, started != null ? started.source() : null, status, merged,
                expectedChunks, records, bytes, duplicates, startedAt(), report != null ? report.finishedAt() : null, figures);
    }

    LiveViews.Series series() {
        return series.columns();
    }

    LiveViews.Chunks barsSince(long since) {
        List<LiveViews.ChunkBar> out = new ArrayList<>();
        for (LiveViews.ChunkBar bar : bars) {
            if (bar.seq() >= since) {
                out.add(bar);
            }
        }
        return new LiveViews.Chunks(nextBar, out);
    }
}
