package mq.aggregator.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import mq.aggregator.job.ChunkTiming;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.records.LatestRecords;
import mq.common.records.RecordVersion;

/**
 * Writes a job's files: {@code report.json}, {@code chunks.csv} and, for records jobs,
 * {@code records.jsonl} (the latest record of every key, sorted by key, each line the record's
 * JSON text as it was read).
 * Each file is written to a temporary name and moved into place, so a reader never sees half a file.
 */
public final class ReportFiles {
    public static final String REPORT_FILE = "report.json";
    /** One line per merged chunk: when it was produced, picked up, reduced and merged (see ChunkTiming). */
    public static final String CHUNKS_FILE = "chunks.csv";

    private ReportFiles() {
    }

    public static void write(Path dir, JobReport report, LatestRecords latest, List<ChunkTiming> timings) throws IOException {
        Files.createDirectories(dir);
        Path timingTmp = dir.resolve(CHUNKS_FILE + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(timingTmp, StandardCharsets.UTF_8)) {
            out.write(ChunkTiming.CSV_HEADER);
            out.write('\n');
            for (ChunkTiming timing : timings) {
                out.write(timing.csvLine());
                out.write('\n');
            }
        }
        Files.move(timingTmp, dir.resolve(CHUNKS_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (report.recordsFile() != null && latest != null) {
            Path tmp = dir.resolve(report.recordsFile() + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (RecordVersion version : latest.sortedByKey()) {
                    out.write(version.json());
                    out.write('\n');
                }
            }
            Files.move(tmp, dir.resolve(report.recordsFile()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        writeReport(dir, report);
    }

    public static void writeReport(Path dir, JobReport report) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(REPORT_FILE + ".tmp");
        Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        Files.move(tmp, dir.resolve(REPORT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
