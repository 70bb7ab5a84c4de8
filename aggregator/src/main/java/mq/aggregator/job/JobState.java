package mq.aggregator.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mq.aggregator.state.HeapLatestState;
import mq.aggregator.state.LatestState;
import mq.common.exact.NumberStats;
import mq.common.protocol.BadLine;
import mq.common.protocol.JobEvent;
import mq.common.protocol.Partial;

/**
 * Everything the aggregator knows about one job in flight.
 *
 * <p>Merging a partial is idempotent per chunk: a chunk already merged is counted as a duplicate
 * and otherwise ignored, so a chunk redone after a worker crash cannot be counted twice. Memory
 * is the merged result (one entry per distinct key for records, on the heap up to the aggregator's
 * budget and spilled to disk past it: {@link LatestState}) plus a few numbers per chunk.
 * {@link #close} frees the records' state when the job is over.
 */
public final class JobState implements AutoCloseable {
    private final String job;
    private JobEvent.Started started;
    private JobEvent.Ended ended;
    private String failure;
    private final List<BadLine> failingLines = new ArrayList<>();

    private final BitSet merged = new BitSet();
    private int mergedCount;
    private long duplicatesIgnored;
    private NumberStats numbers = NumberStats.EMPTY;
    private final LatestState latest;
    private long records;
    private long checksum;

    private long badCount;
    private final List<BadLine> badSamples = new ArrayList<>();

    private long firstPickupAt = Long.MAX_VALUE;
    private long lastMergeAt;
    private final List<ChunkTiming> timings = new ArrayList<>();
    private final Map<String, WorkerTally> perWorker = new TreeMap<>();
    private final long firstSeenAt;
    private long lastEventAt;

    /** A job whose latest records stay on the heap (tests, benchmarks, the in-process baseline). */
    public JobState(String job, long now) {
        this(job, now, new HeapLatestState());
    }

    public JobState(String job, long now, LatestState latest) {
        this.job = job;
        this.latest = latest;
        this.firstSeenAt = now;
        this.lastEventAt = now;
    }

    /** The time of the latest message of this job (its record timestamp), so a replay reports the original timings. */
    public void sawMessageAt(long at) {
        lastEventAt = Math.max(lastEventAt, at);
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    /** Fails the job with a reason of the aggregator's own (a broken message, a silent producer, a timeout). */
    public void fail(String reason) {
        fail(reason, List.of());
    }

    /** Whether the producer promised alive events and has not ended the job yet. */
    public boolean awaitsProducer() {
        return started != null && started.aliveEveryMs() > 0 && ended == null && failure == null;
    }

    /** Per-worker running totals. */
    public static final class WorkerTally {
        int chunks;
        long records;
        long busyNanos;

        public int chunks() {
            return chunks;
        }

        public long records() {
            return records;
        }

        public long busyNanos() {
            return busyNanos;
        }
    }

    public void started(JobEvent.Started event) {
        started = event;
        checkBadLines();
    }

    public void ended(JobEvent.Ended event) {
        ended = event;
    }

    public void aborted(JobEvent.Aborted event) {
        fail(event.reason(), event.badLines());
    }

    /** Merges a partial; returns {@code false} when its chunk was merged before (a redelivery). */
    public boolean merge(Partial partial, long now) {
        if (partial.failed()) {
            fail("chunk " + partial.chunk() + " failed on worker " + partial.worker() + ": " + partial.error(), List.of());
            return true;
        }
        if (partial.chunk() < 0 || merged.get(partial.chunk())) {
            duplicatesIgnored++;
            return false;
        }
        merged.set(partial.chunk());
        mergedCount++;
        records += partial.records();
        checksum += partial.crc32c();
        switch (partial.kind()) {
            case NUMBERS -> numbers = numbers.merge(partial.numbers());
            case RECORDS -> latest.addAll(partial.latest());
        }
        if (partial.badCount() > 0) {
            badCount += partial.badCount();
            // The first lines of the file, whatever order chunks arrive in: each partial quotes its own
            // first bad lines, so the file's first ones are always among those kept.
            badSamples.addAll(partial.badSamples());
            badSamples.sort(Comparator.comparingLong(BadLine::line));
            if (badSamples.size() > Partial.MAX_BAD_SAMPLES) {
                badSamples.subList(Partial.MAX_BAD_SAMPLES, badSamples.size()).clear();
            }
            checkBadLines();
        }
        firstPickupAt = Math.min(firstPickupAt, partial.pickedUpAt());
        lastMergeAt = now;
        timings.add(new ChunkTiming(partial.chunk(), partial.worker(), partial.records(), partial.producedAt(),
                partial.pickedUpAt(), partial.doneAt(), now, partial.busyNanos() / 1_000));
        WorkerTally tally = perWorker.computeIfAbsent(partial.worker(), w -> new WorkerTally());
        tally.chunks++;
        tally.records += partial.records();
        tally.busyNanos += partial.busyNanos();
        return true;
    }

    /** Without --skip-bad, the first bad line fails the job; the rest of its chunks are then ignored. */
    private void checkBadLines() {
        if (started != null && !started.skipBad() && badCount > 0 && failure == null) {
            BadLine first = badSamples.get(0);
            fail(first.describe(started.source()) + " (use --skip-bad to skip bad lines and count them instead)", badSamples);
        }
    }

    private void fail(String reason, List<BadLine> lines) {
        if (failure == null) {
            failure = reason;
            failingLines.addAll(lines);
        }
    }

    /** Every chunk {@code 0 … ended.chunks-1} is merged: a stray chunk number beyond them cannot stand in for a missing one. */
    public boolean isComplete() {
        return ended != null && merged.nextClearBit(0) >= ended.chunks();
    }

    public boolean isOver() {
        return failure != null || isComplete();
    }

    public String job() {
        return job;
    }

    public JobEvent.Started started() {
        return started;
    }

    public JobEvent.Ended ended() {
        return ended;
    }

    public String failure() {
        return failure;
    }

    public List<BadLine> failingLines() {
        return List.copyOf(failingLines);
    }

    public int mergedCount() {
        return mergedCount;
    }

    public long duplicatesIgnored() {
        return duplicatesIgnored;
    }

    public NumberStats numbers() {
        return numbers;
    }

    public LatestState latest() {
        return latest;
    }

    /** Frees the latest records' heap and deletes their spill store, if any. */
    @Override
    public void close() {
        latest.close();
    }

    public long records() {
        return records;
    }

    public long checksum() {
        return checksum;
    }

    public long badCount() {
        return badCount;
    }

    public List<BadLine> badSamples() {
        return List.copyOf(badSamples);
    }

    public long firstPickupAt() {
        return firstPickupAt;
    }

    public long lastMergeAt() {
        return lastMergeAt;
    }

    /** One entry per merged chunk, in merge order. */
    public List<ChunkTiming> chunkTimings() {
        return timings;
    }

    public Map<String, WorkerTally> perWorker() {
        return perWorker;
    }

    public long firstSeenAt() {
        return firstSeenAt;
    }
}
