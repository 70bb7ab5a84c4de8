package mq.aggregator.live;

import java.util.List;
import java.util.Map;

/** What the live page's JSON endpoints return (snake_case, see PROTOCOL.md "The live page"). */
public final class LiveViews {
    private LiveViews() {
    }

    /** A job in flight or recent: its progress, and once over, its report's key figures. */
    public record JobSummary(String job, String kind, String source, String status, int mergedChunks,
                             int expectedChunks, long records, long bytes, long duplicates, long startedAt,
                             Long finishedAt, KeyFigures report) {
    }

    /** The final report's headline numbers. */
    public record KeyFigures(long count, boolean verified, long endToEndMs, double recordsPerS, double mbPerS,
                             int workers, long duplicatesIgnored, String error) {
    }

    /** Everything the page draws for one job. */
    public record JobDetail(JobSummary summary, Series series, List<WorkerRow> workers, Chunks chunks,
                            Map<String, String> files, long now) {
    }

    /** One sample a second, as columns: {@code t} in epoch seconds. */
    public record Series(double[] t, double[] recordsPerS, double[] mbPerS, int[] liveWorkers, long[] lag) {
    }

    /**
     * One worker's share of the job and its health.
     *
     * @param state {@code live} (heartbeats arriving), {@code dead} (none for 10 s) or {@code unknown} (none heard)
     */
    public record WorkerRow(String worker, String state, int chunks, long records, long busyMs, double busyPct,
                            double recordsPerS, Long lastHeartbeatAt, int threads) {
    }

    /** Chunks merged since the client's {@code since}; {@code next} is the {@code since} to ask with next time. */
    public record Chunks(long next, List<ChunkBar> bars) {
    }

    /** When one chunk was produced, picked up and reduced, and by whom: a bar on the timeline. */
    public record ChunkBar(long seq, int chunk, String worker, long producedAt, long pickedUpAt, long doneAt) {
    }
}
