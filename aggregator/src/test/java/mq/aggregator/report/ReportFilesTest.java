package mq.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mq.aggregator.job.ChunkTiming;
import mq.aggregator.job.JobState;
import mq.aggregator.state.HeapLatestState;
import mq.aggregator.state.LatestState;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.Partial;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    private static final String JOB = "job-1";

    @TempDir
    Path dir;

    private static RecordVersion version(RecordKey key, String json) {
        return new RecordVersion(key, Instant.parse("2024-01-01T00:00:00Z"), 0, 1, Map.of(), json);
    }

    private static List<RecordVersion> versions() {
        return List.of(
                version(RecordKey.ofText("b"), "{\"id\":\"b\"}"),
                version(RecordKey.ofNumber(new BigDecimal("10")), "{\"id\":10}"),
                version(RecordKey.ofText("10"), "{\"id\":\"10\"}"),
                version(RecordKey.ofNumber(new BigDecimal("-2.5")), "{\"id\":-2.5, \"price\": 12.50}"),
                version(RecordKey.ofText("A"), "{\"id\":\"A\",\"name\":\"Zoë\"}"),
                version(RecordKey.ofNumber(new BigDecimal("9")), "{\"id\":9.0}"));
    }

    private static LatestState latest() {
        LatestState latest = new HeapLatestState();
        latest.addAll(versions());
        return latest;
    }

    private static JobReport recordsReport() {
        JobState state = new JobState(JOB, 900);
        state.started(new JobEvent.Started(JOB, JobKind.RECORDS, "data.jsonl", "jsonl",
                new RecordSpec("id", "updated_at", List.of("price")), false, null, 1_000));
        state.merge(new Partial(JOB, 0, "w", JobKind.RECORDS, 6, 10, 5, 1_000, 1_010, 1_020, 0, null,
                versions(), 0, List.of(), null), 1_100);
        state.ended(new JobEvent.Ended(JOB, 1, 6, 0, 10, 5, 20, 1_050));
        return ReportBuilder.build(state, 2_000);
    }

    @Test
    void recordsFileIsSortedNumbersByValueThenStrings() throws IOException {
        ReportFiles.write(dir, recordsReport(), latest(), List.of());

        List<String> lines = Files.readAllLines(dir.resolve("records.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "{\"id\":-2.5, \"price\": 12.50}",
                "{\"id\":9.0}",
                "{\"id\":10}",
                "{\"id\":\"10\"}",
                "{\"id\":\"A\",\"name\":\"Zoë\"}",
                "{\"id\":\"b\"}");
    }

    @Test
    void reportParsesBackToTheSameReport() throws IOException {
        JobReport report = recordsReport();

        ReportFiles.write(dir, report, latest(), List.of());

        JobReport read = Json.decode(Files.readAllBytes(dir.resolve(ReportFiles.REPORT_FILE)), JobReport.class);
        assertThat(read).isEqualTo(report);
    }

    @Test
    void reportJsonIsSnakeCaseWithDecimalsAsStrings() throws IOException {
        JobReport report = recordsReport();

        ReportFiles.write(dir, report, latest(), List.of());

        String json = Files.readString(dir.resolve(ReportFiles.REPORT_FILE));
        assertThat(json).contains("\"distinct_keys\" : 6").contains("\"records_file\" : \"records.jsonl\"")
                .contains("\"price\" : \"0\"");
    }

    @Test
    void numbersJobWritesTheReportAndTheChunkTimings() throws IOException {
        JobState state = new JobState(JOB, 900);
        state.started(new JobEvent.Started(JOB, JobKind.NUMBERS, "n.txt", "numbers", null, false, null, 1_000));
        state.ended(new JobEvent.Ended(JOB, 0, 0, 0, 0, 0, 1, 1_001));

        ReportFiles.write(dir, ReportBuilder.build(state, 2_000), null, List.of());

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ReportFiles.REPORT_FILE, ReportFiles.CHUNKS_FILE);
        }
    }

    @Test
    void rewritingReplacesTheFilesAndLeavesNoTemporaryOnes() throws IOException {
        ReportFiles.write(dir, recordsReport(), new HeapLatestState(), List.of());

        ReportFiles.write(dir, recordsReport(), latest(), List.of());

        assertThat(Files.readAllLines(dir.resolve("records.jsonl"))).hasSize(6);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("records.jsonl", ReportFiles.REPORT_FILE, ReportFiles.CHUNKS_FILE);
        }
    }

    @Test
    void createsTheDirectory() throws IOException {
        Path nested = dir.resolve("a/b");

        ReportFiles.writeReport(nested, recordsReport());

        assertThat(nested.resolve(ReportFiles.REPORT_FILE)).exists();
    }

    @Test
    void chunkTimingsRoundTripThroughTheCsv() throws IOException {
        ChunkTiming timing = new ChunkTiming(3, "worker-1", 100, 1_000, 1_010, 1_030, 1_045, 18_500);

        ReportFiles.write(dir, recordsReport(), latest(), List.of(timing));

        List<String> lines = Files.readAllLines(dir.resolve(ReportFiles.CHUNKS_FILE));
        assertThat(lines.get(0)).isEqualTo(ChunkTiming.CSV_HEADER);
        ChunkTiming read = ChunkTiming.parseCsv(lines.get(1));
        assertThat(read).isEqualTo(timing);
        assertThat(read.queueWaitMs() + read.processingMs() + read.deliveryMs()).isEqualTo(45);
    }

    @Test
    void aJobFolderStaysInsideTheReportsFolder() {
        Path reports = dir.resolve("reports");

        assertThat(ReportFiles.jobDir(reports, "job-1")).isEqualTo(reports.toAbsolutePath().normalize().resolve("job-1"));
        for (String id : List.of("../../x", "", "..", "a/b", "/etc")) {
            assertThatThrownBy(() -> ReportFiles.jobDir(reports, id)).isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void aReportIsNeverReplacedByOneWithAnotherOutcome() throws IOException {
        JobReport good = recordsReport();
        JobReport failed = new JobReport(good.job(), good.kind(), JobReport.FAILED, "late phantom", null, null, 0, null,
                null, null, null, null, null, null, null, null, 0, 0, false, null, 0, null, good.timings(), good.throughput(),
                Map.of(), null, 0, 3_000);
        ReportFiles.write(dir, good, latest(), List.of());

        boolean written = ReportFiles.write(dir, failed, null, List.of());

        assertThat(written).isFalse();
        assertThat(ReportFiles.read(dir)).get().extracting(JobReport::status).isEqualTo(JobReport.SUCCEEDED);
    }
}
