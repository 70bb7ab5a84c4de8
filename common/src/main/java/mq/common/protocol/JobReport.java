package mq.common.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The final result of a job: what {@code report.json} holds and what the results topic carries.
 * Fields that do not apply to a job's kind are left out of the JSON.
 */
@JsonPropertyOrder({"job", "kind", "status", "error", "source", "format", "count", "sum", "min", "max",
        "distinct_keys", "superseded", "sums", "sum_missing", "records_file", "state_store", "chunks", "workers",
        "verified", "verification", "duplicates_ignored", "skipped", "timings", "throughput", "per_worker"})
public record JobReport(
        String job,
        JobKind kind,
        String status,
        String error,
        String source,
        String format,
        long count,
        BigDecimal sum,
        BigDecimal min,
        BigDecimal max,
        Long distinctKeys,
        Long superseded,
        Map<String, BigDecimal> sums,
        Map<String, Long> sumMissing,
        String recordsFile,
        StateStore stateStore,
        int chunks,
        int workers,
        boolean verified,
        Verification verification,
        long duplicatesIgnored,
        Skipped skipped,
        Timings timings,
        Throughput throughput,
        Map<String, WorkerShare> perWorker,
        String outputDir,
        long startedAt,
        long finishedAt) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** The aggregator's totals next to the producer's: equal when nothing was lost or counted twice. */
    public record Verification(int expectedChunks, int mergedChunks, long expectedRecords, long records,
                               long expectedChecksum, long checksum) {
    }

    /**
     * Where a records job's latest versions were kept: {@code spilled} when some went to the
     * aggregator's disk store, the heap budget in bytes ({@code null}: none, all on the heap), and
     * how many times the in-heap versions were moved to the store.
     */
    public record StateStore(boolean spilled, Long heapBudgetBytes, int spills) {
    }

    /** Lines left out with {@code --skip-bad}, or the lines that failed the job. */
    public record Skipped(long count, List<BadLine> first) {
    }

    /**
     * Milliseconds. {@code produceMs}: reading and sending the file; {@code firstPickupMs} and
     * {@code lastMergeMs}: from the job's start to the first chunk a worker received and to the
     * last partial merged; {@code endToEndMs}: from the job's start to its result.
     */
    public record Timings(long produceMs, long firstPickupMs, long lastMergeMs, long endToEndMs,
                          Distribution queueWaitMs, Distribution processingMs, long busyMsTotal) {
    }

    public record Distribution(double mean, long p50, long p95, long max) {
    }

    public record Throughput(double recordsPerS, double mbPerS) {
    }

    public record WorkerShare(int chunks, long records, long busyMs) {
    }
}
