package mq.aggregator.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mq.aggregator.job.JobState;
import mq.common.exact.ExactSum;
import mq.common.exact.NumberStats;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.records.RecordVersion;

/** Turns a finished job's state into its report: totals, verification against the producer, timings. */
public final class ReportBuilder {
    public static final String RECORDS_FILE = "records.jsonl";

    private ReportBuilder() {
    }

    public static JobReport build(JobState state, long finishedAt) {
        JobEvent.Started started = state.started();
        JobEvent.Ended ended = state.ended();
        JobKind kind = started != null ? started.kind() : null;
        boolean failed = state.failure() != null || !state.isComplete();
        long startedAt = started != null ? started.startedAt() : state.firstSeenAt();

        JobReport.Verification verification = ended == null ? null : new JobReport.Verification(
                ended.chunks(), state.mergedCount(), ended.records(), state.records(), ended.checksum(), state.checksum());
        boolean verified = !failed && verification != null
                && verification.expectedChunks() == verification.mergedChunks()
                && verification.expectedRecords() == verification.records()
                && verification.expectedChecksum() == verification.checksum();

        long count = 0;
        NumberStats numbers = null;
        Long distinctKeys = null;
        Long superseded = null;
        Map<String, BigDecimal> sums = null;
        Map<String, Long> sumMissing = null;
        String recordsFile = null;
        // A failed job reports no totals at all: nothing partial may pass for a result.
        if (!failed && kind == JobKind.NUMBERS) {
            numbers = state.numbers().canonical();
            count = numbers.count();
        } else if (!failed && kind == JobKind.RECORDS) {
            count = state.records() - state.badCount();
            distinctKeys = (long) state.latest().distinctKeys();
            superseded = count - distinctKeys;
            sums = new LinkedHashMap<>();
            sumMissing = new LinkedHashMap<>();
            fieldSums(started.recordSpec().sumFields(), state.latest().unordered(), sums, sumMissing);
            recordsFile = RECORDS_FILE;
        }

        JobReport.Skipped skipped = null;
        if (failed && !state.failingLines().isEmpty()) {
            skipped = new JobReport.Skipped(Math.max(state.badCount(), state.failingLines().size()), state.failingLines());
        } else if (state.badCount() > 0) {
            skipped = new JobReport.Skipped(state.badCount(), state.badSamples());
        }

        long endToEnd = Math.max(0, finishedAt - startedAt);
        JobReport.Timings timings = new JobReport.Timings(
                ended != null ? ended.produceMillis() : 0,
                state.firstPickupAt() == Long.MAX_VALUE ? 0 : Math.max(0, state.firstPickupAt() - startedAt),
                state.lastMergeAt() == 0 ? 0 : Math.max(0, state.lastMergeAt() - startedAt),
                endToEnd,
                distribution(state.chunkTimings().stream().map(t -> Math.max(0, t.queueWaitMs())).toList()),
                distribution(state.chunkTimings().stream().map(t -> t.busyMicros() / 1000).toList()),
                state.perWorker().values().stream().mapToLong(JobState.WorkerTally::busyNanos).sum() / 1_000_000);
        double seconds = Math.max(endToEnd, 1) / 1000.0;
        long bytes = ended != null ? ended.bytes() : 0;
        JobReport.Throughput throughput = new JobReport.Throughput(
                round(state.records() / seconds), round(bytes / 1_000_000.0 / seconds));

        Map<String, JobReport.WorkerShare> perWorker = new TreeMap<>();
        state.perWorker().forEach((worker, tally) -> perWorker.put(worker,
                new JobReport.WorkerShare(tally.chunks(), tally.records(), tally.busyNanos() / 1_000_000)));

        String error = state.failure() != null ? state.failure()
                : failed ? "the job ended before all of its chunks were merged" : null;
        return new JobReport(state.job(), kind, failed ? JobReport.FAILED : JobReport.SUCCEEDED, error,
                started != null ? started.source() : null, started != null ? started.format() : null,
                count,
                numbers != null ? numbers.sum() : null,
                numbers != null ? numbers.min() : null,
                numbers != null ? numbers.max() : null,
                distinctKeys, superseded, sums, sumMissing, recordsFile,
                ended != null ? ended.chunks() : state.mergedCount(),
                perWorker.size(), verified, verification, state.duplicatesIgnored(), skipped,
                timings, throughput, perWorker,
                started != null ? started.outputDir() : null, startedAt, finishedAt);
    }

    /** Sums each field over the latest version of every key; versions without the field are counted as missing. */
    static void fieldSums(List<String> fields, Iterable<RecordVersion> latest,
                          Map<String, BigDecimal> sums, Map<String, Long> missing) {
        for (String field : fields) {
            ExactSum sum = new ExactSum();
            long absent = 0;
            for (RecordVersion version : latest) {
                BigDecimal value = version.sumValues().get(field);
                if (value == null) {
                    absent++;
                } else {
                    sum.add(value);
                }
            }
            sums.put(field, sum.value());
            missing.put(field, absent);
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
