package mq.aggregator.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mq.aggregator.job.JobState;
import mq.aggregator.state.LatestState;
import mq.common.exact.ExactSum;
import mq.common.exact.NumberStats;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;

/** Turns a finished job's state into its report: totals, verification against the producer, timings. */
public final class ReportBuilder {
    public static final String RECORDS_FILE = "records.jsonl";

    private ReportBuilder() {
    }

    public static JobReport build(JobState state, long finishedAt) {
        JobEvent.Started started = state.started();
        JobEvent.Ended ended = state.ended();
        JobKind kind = started != null ? started.kind() : null;
        long startedAt = started != null ? started.startedAt() : state.firstSeenAt();
        JobReport.Verification verification = verification(state);
        String error = failure(state, verification);
        boolean failed = error != null;
        // A failed job reports no totals at all: nothing partial may pass for a result.
        Totals totals = failed ? Totals.NONE : totals(state, kind);
        long endToEnd = Math.max(0, finishedAt - startedAt);
        return new JobReport(state.job(), kind, failed ? JobReport.FAILED : JobReport.SUCCEEDED, error,
                started != null ? started.source() : null, started != null ? started.format() : null,
                totals.count(),
                totals.numbers() != null ? totals.numbers().sum() : null,
                totals.numbers() != null ? totals.numbers().min() : null,
                totals.numbers() != null ? totals.numbers().max() : null,
                totals.distinctKeys(), totals.superseded(), totals.sums(), totals.sumMissing(), totals.recordsFile(),
                totals.stateStore(),
                ended != null ? ended.chunks() : state.mergedCount(),
                state.perWorker().size(), !failed, verification, state.duplicatesIgnored(), skipped(state, failed),
                timings(state, startedAt, endToEnd), throughput(state, endToEnd), perWorker(state),
                started != null ? started.outputDir() : null, startedAt, finishedAt);
    }

    /** The aggregator's totals next to the producer's, or {@code null} before {@code ended}. */
    static JobReport.Verification verification(JobState state) {
        JobEvent.Ended ended = state.ended();
        return ended == null ? null : new JobReport.Verification(
                ended.chunks(), state.mergedCount(), ended.records(), state.records(), ended.checksum(), state.checksum());
    }

    /**
     * Why the job failed, or {@code null} if it succeeded. Success needs {@code started},
     * {@code ended}, every chunk merged and totals equal to the producer's: a mismatch is a failure,
     * never a success with a footnote.
     */
    static String failure(JobState state, JobReport.Verification v) {
        if (state.failure() != null) {
            return state.failure();
        }
        if (state.started() == null) {
            return "the job has no started event: its kind, source and settings are unknown, so no result can be trusted";
        }
        if (v == null || !state.isComplete()) {
            return "the job ended before all of its chunks were merged";
        }
        if (v.expectedChunks() != v.mergedChunks()) {
            return "verification failed: " + v.mergedChunks() + " chunks merged, the producer sent " + v.expectedChunks();
        }
        if (v.expectedRecords() != v.records()) {
            return "verification failed: " + v.records() + " records merged, the producer sent " + v.expectedRecords();
        }
        if (v.expectedChecksum() != v.checksum()) {
            return "verification failed: the chunks' CRC-32C sum is " + v.checksum() + ", the producer's " + v.expectedChecksum();
        }
        return null;
    }

    /** The result proper: statistics for numbers, latest versions and field sums for records. */
    private record Totals(long count, NumberStats numbers, Long distinctKeys, Long superseded,
                          Map<String, BigDecimal> sums, Map<String, Long> sumMissing, String recordsFile,
                          JobReport.StateStore stateStore) {
        static final Totals NONE = new Totals(0, null, null, null, null, null, null, null);
    }

    private static Totals totals(JobState state, JobKind kind) {
        if (kind == JobKind.NUMBERS) {
            NumberStats numbers = state.numbers().canonical();
            return new Totals(numbers.count(), numbers, null, null, null, null, null, null);
        }
        long count = state.records() - state.badCount();
        long distinctKeys = state.latest().distinctKeys();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Long> sumMissing = new LinkedHashMap<>();
        fieldSums(state.started().recordSpec().sumFields(), state.latest(), sums, sumMissing);
        return new Totals(count, null, distinctKeys, count - distinctKeys, sums, sumMissing, RECORDS_FILE,
                state.latest().summary());
    }

    private static JobReport.Skipped skipped(JobState state, boolean failed) {
        if (failed && !state.failingLines().isEmpty()) {
            return new JobReport.Skipped(Math.max(state.badCount(), state.failingLines().size()), state.failingLines());
        }
        return state.badCount() > 0 ? new JobReport.Skipped(state.badCount(), state.badSamples()) : null;
    }

    private static JobReport.Timings timings(JobState state, long startedAt, long endToEnd) {
        JobEvent.Ended ended = state.ended();
        return new JobReport.Timings(
                ended != null ? ended.produceMillis() : 0,
                state.firstPickupAt() == Long.MAX_VALUE ? 0 : Math.max(0, state.firstPickupAt() - startedAt),
                state.lastMergeAt() == 0 ? 0 : Math.max(0, state.lastMergeAt() - startedAt),
                endToEnd,
                distribution(state.chunkTimings().stream().map(t -> Math.max(0, t.queueWaitMs())).toList()),
                distribution(state.chunkTimings().stream().map(t -> t.busyMicros() / 1000).toList()),
                state.perWorker().values().stream().mapToLong(JobState.WorkerTally::busyNanos).sum() / 1_000_000);
    }

    private static JobReport.Throughput throughput(JobState state, long endToEnd) {
        double seconds = Math.max(endToEnd, 1) / 1000.0;
        long bytes = state.ended() != null ? state.ended().bytes() : 0;
        return new JobReport.Throughput(round(state.records() / seconds), round(bytes / 1_000_000.0 / seconds));
    }

    private static Map<String, JobReport.WorkerShare> perWorker(JobState state) {
        Map<String, JobReport.WorkerShare> perWorker = new TreeMap<>();
        state.perWorker().forEach((worker, tally) -> perWorker.put(worker,
                new JobReport.WorkerShare(tally.chunks(), tally.records(), tally.busyNanos() / 1_000_000)));
        return perWorker;
    }

    /**
     * Sums each field over the latest version of every key, in one pass over them (they may be on
     * disk); versions without the field are counted as missing. Exact, so the order does not matter.
     */
    static void fieldSums(List<String> fields, LatestState latest, Map<String, BigDecimal> sums, Map<String, Long> missing) {
        ExactSum[] fieldSums = new ExactSum[fields.size()];
        long[] absent = new long[fields.size()];
        Arrays.setAll(fieldSums, i -> new ExactSum());
        latest.forEach(version -> {
            for (int i = 0; i < fieldSums.length; i++) {
                BigDecimal value = version.sumValues().get(fields.get(i));
                if (value == null) {
                    absent[i]++;
                } else {
                    fieldSums[i].add(value);
                }
            }
        });
        for (int i = 0; i < fieldSums.length; i++) {
            sums.put(fields.get(i), fieldSums[i].value());
            missing.put(fields.get(i), absent[i]);
        }
    }

    static JobReport.Distribution distribution(List<Long> values) {
        if (values.isEmpty()) {
            return new JobReport.Distribution(0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        return new JobReport.Distribution(round(mean), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
