package mq.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import mq.aggregator.job.JobState;
import mq.aggregator.state.HeapLatestState;
import mq.common.exact.NumberStats;
import mq.common.protocol.BadLine;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final String JOB = "job-1";
    private static final RecordSpec SPEC = new RecordSpec("id", "updated_at", List.of("price", "qty"));

    private static JobEvent.Started started(JobKind kind, boolean skipBad) {
        return new JobEvent.Started(JOB, kind, "input", kind.wireName(), kind == JobKind.RECORDS ? SPEC : null,
                skipBad, "out", 1_000);
    }

    private static Partial numbers(int chunk, String sum, long count, long crc) {
        NumberStats stats = new NumberStats(count, new BigDecimal(sum), new BigDecimal("-1.50"), new BigDecimal("100.0"));
        return new Partial(JOB, chunk, "w", JobKind.NUMBERS, count, 10, crc, 1_000, 1_010, 1_020, 0, stats, null, 0,
                List.of(), null);
    }

    private static RecordVersion version(String key, String instant, long position, Map<String, BigDecimal> sums) {
        return new RecordVersion(RecordKey.ofText(key), Instant.parse(instant), position, position + 1, sums, "{}");
    }

    private static Partial records(int chunk, long records, long bad, RecordVersion... versions) {
        List<BadLine> samples = LongStream.range(0, bad).mapToObj(i -> new BadLine(i + 1, "x", "malformed JSON")).toList();
        return new Partial(JOB, chunk, "w", JobKind.RECORDS, records, 10, 5, 1_000, 1_010, 1_020, 0, null,
                List.of(versions), bad, samples, null);
    }

    private static JobState numbersJob(int expectedChunks, long expectedRecords, long expectedChecksum) {
        JobState state = new JobState(JOB, 900);
        state.started(started(JobKind.NUMBERS, false));
        state.merge(numbers(0, "10.50", 2, 100), 1_100);
        state.merge(numbers(1, "-0.5", 3, 200), 1_200);
        state.ended(new JobEvent.Ended(JOB, expectedChunks, expectedRecords, 0, 20, expectedChecksum, 50, 1_050));
        return state;
    }

    @Test
    void aCompleteNumbersJobIsVerified() {
        JobReport report = ReportBuilder.build(numbersJob(2, 5, 300), 2_000);

        assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.verification()).isEqualTo(new JobReport.Verification(2, 2, 5, 5, 300, 300));
        assertThat(report.count()).isEqualTo(5);
        assertThat(report.sum()).isEqualTo(new BigDecimal("10"));
        assertThat(report.min()).isEqualTo(new BigDecimal("-1.5"));
        assertThat(report.max()).isEqualTo(new BigDecimal("100"));
        assertThat(report.error()).isNull();
        assertThat(report.distinctKeys()).isNull();
    }

    @Test
    void aRecordCountMismatchFailsTheJobWithoutTotals() {
        JobReport report = ReportBuilder.build(numbersJob(2, 6, 300), 2_000);

        assertThat(report.verified()).isFalse();
        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).isEqualTo("verification failed: 5 records merged, the producer sent 6");
        assertThat(report.sum()).isNull();
        assertThat(report.count()).isZero();
    }

    @Test
    void aChecksumMismatchFailsTheJob() {
        JobReport report = ReportBuilder.build(numbersJob(2, 5, 301), 2_000);

        assertThat(report.verified()).isFalse();
        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("CRC-32C sum is 300, the producer's 301");
    }

    @Test
    void aJobWithoutStartedNeverSucceeds() {
        JobState state = new JobState(JOB, 900);
        state.merge(numbers(0, "10.50", 2, 100), 1_100);
        state.ended(new JobEvent.Ended(JOB, 1, 2, 0, 10, 100, 50, 1_050));

        JobReport report = ReportBuilder.build(state, 2_000);

        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("no started event");
        assertThat(report.sum()).isNull();
    }

    @Test
    void missingChunksFailTheReport() {
        JobReport report = ReportBuilder.build(numbersJob(3, 5, 300), 2_000);

        assertThat(report.verified()).isFalse();
        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("before all of its chunks were merged");
    }

    @Test
    void aFailedJobIsNeverVerified() {
        JobState state = numbersJob(2, 5, 300);
        state.aborted(new JobEvent.Aborted(JOB, "gone", List.of(), 1_500));

        JobReport report = ReportBuilder.build(state, 2_000);

        assertThat(report.verified()).isFalse();
        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).isEqualTo("gone");
    }

    @Test
    void recordsReportSumsFieldsOverTheLatestVersionsAndCountsMissingValues() {
        JobState state = new JobState(JOB, 900);
        state.started(started(JobKind.RECORDS, true));
        state.merge(records(0, 3, 0,
                version("a", "2024-01-01T00:00:00Z", 0, Map.of("price", new BigDecimal("100"))),
                version("b", "2024-01-01T00:00:00Z", 1, Map.of("price", new BigDecimal("0.10"), "qty", new BigDecimal("2")))), 1_100);
        state.merge(records(1, 3, 1,
                version("a", "2024-01-02T00:00:00Z", 3, Map.of("price", new BigDecimal("1.05"), "qty", new BigDecimal("3"))),
                version("c", "2024-01-01T00:00:00Z", 4, Map.of())), 1_200);
        state.ended(new JobEvent.Ended(JOB, 2, 6, 0, 20, 10, 50, 1_050));

        JobReport report = ReportBuilder.build(state, 2_000);

        assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.sums().get("price")).isEqualByComparingTo("1.15");
        assertThat(report.sums().get("qty")).isEqualByComparingTo("5");
        assertThat(report.sumMissing()).containsExactly(Map.entry("price", 1L), Map.entry("qty", 1L));
        assertThat(report.count()).isEqualTo(5);
        assertThat(report.distinctKeys()).isEqualTo(3);
        assertThat(report.superseded()).isEqualTo(2);
        assertThat(report.skipped().count()).isEqualTo(1);
        assertThat(report.recordsFile()).isEqualTo(ReportBuilder.RECORDS_FILE);
    }

    @Test
    void aFailedRecordsJobHasNoRecordsFile() {
        JobState state = new JobState(JOB, 900);
        state.started(started(JobKind.RECORDS, false));
        state.merge(records(0, 3, 1, version("a", "2024-01-01T00:00:00Z", 0, Map.of())), 1_100);

        JobReport report = ReportBuilder.build(state, 2_000);

        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.recordsFile()).isNull();
        assertThat(report.skipped().first()).extracting(BadLine::line).containsExactly(1L);
        assertThat(report.error()).contains("--skip-bad");
    }

    @Test
    void fieldSumsAreExactAndCountAbsentFields() {
        List<RecordVersion> latest = List.of(
                version("a", "2024-01-01T00:00:00Z", 0, Map.of("x", new BigDecimal(Long.MAX_VALUE))),
                version("b", "2024-01-01T00:00:00Z", 1, Map.of("x", new BigDecimal(Long.MAX_VALUE))),
                version("c", "2024-01-01T00:00:00Z", 2, Map.of("x", new BigDecimal("0.1"))),
                version("d", "2024-01-01T00:00:00Z", 3, Map.of()));
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Long> missing = new LinkedHashMap<>();

        HeapLatestState state = new HeapLatestState();
        state.addAll(latest);
        ReportBuilder.fieldSums(List.of("x", "y"), state, sums, missing);

        assertThat(sums.get("x")).isEqualByComparingTo(new BigDecimal(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2)).add(new BigDecimal("0.1")));
        assertThat(sums.get("y")).isEqualByComparingTo("0");
        assertThat(missing).containsExactly(Map.entry("x", 1L), Map.entry("y", 4L));
    }

    @Test
    void distributionOfOneToHundred() {
        List<Long> values = LongStream.rangeClosed(1, 100).boxed().toList();

        JobReport.Distribution distribution = ReportBuilder.distribution(values);

        assertThat(distribution).isEqualTo(new JobReport.Distribution(50.5, 50, 95, 100));
    }

    @Test
    void distributionIgnoresInputOrder() {
        JobReport.Distribution distribution = ReportBuilder.distribution(List.of(9L, 1L, 5L, 3L, 7L));

        assertThat(distribution).isEqualTo(new JobReport.Distribution(5.0, 5, 9, 9));
    }

    @Test
    void distributionOfOneValue() {
        assertThat(ReportBuilder.distribution(List.of(42L))).isEqualTo(new JobReport.Distribution(42, 42, 42, 42));
    }

    @Test
    void distributionOfNothingIsZero() {
        assertThat(ReportBuilder.distribution(List.of())).isEqualTo(new JobReport.Distribution(0, 0, 0, 0));
    }

    @Test
    void timingsAreMeasuredFromTheJobsStart() {
        JobReport report = ReportBuilder.build(numbersJob(2, 5, 300), 2_000);

        assertThat(report.timings().produceMs()).isEqualTo(50);
        assertThat(report.timings().firstPickupMs()).isEqualTo(10);
        assertThat(report.timings().lastMergeMs()).isEqualTo(200);
        assertThat(report.timings().endToEndMs()).isEqualTo(1_000);
        assertThat(report.startedAt()).isEqualTo(1_000);
        assertThat(report.finishedAt()).isEqualTo(2_000);
        assertThat(report.outputDir()).isEqualTo("out");
    }
}
