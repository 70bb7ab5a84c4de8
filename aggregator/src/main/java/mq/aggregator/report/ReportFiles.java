package mq.aggregator.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import mq.aggregator.job.ChunkTiming;
import mq.aggregator.state.LatestState;
import mq.common.protocol.JobReport;
import mq.common.protocol.JobId;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a job's files: {@code report.json}, {@code chunks.csv} and, for records jobs,
 * {@code records.jsonl} (the latest record of every key, sorted by key, each line the record's
 * JSON text as it was read).
 * Each file is written to a temporary name and moved into place, so a reader never sees half a file.
 */
public final class ReportFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ReportFiles.class);
    public static final String REPORT_FILE = "report.json";
    /** One line per merged chunk: when it was produced, picked up, reduced and merged (see ChunkTiming). */
    public static final String CHUNKS_FILE = "chunks.csv";

    private ReportFiles() {
    }

    /**
     * The folder of a job without an output folder of its own: {@code reportsDir/<job>}, checked to
     * stay inside {@code reportsDir} (the job-id grammar already forbids separators and {@code ..}).
     */
    public static Path jobDir(Path reportsDir, String job) {
        Path base = reportsDir.toAbsolutePath().normalize();
        Path dir = base.resolve(JobId.check(job)).normalize();
        if (!dir.getParent().equals(base)) {
            throw new MalformedMessageException("job id " + Terminal.quote(job) + " would leave " + base);
        }
        return dir;
    }

    /**
     * Writes the job's files, unless the folder already holds a report of this job with another
     * outcome: a report is never overwritten by a different one (a second, contradictory final
     * must not replace a good result). Returns whether the files were written.
     */
    public static boolean write(Path dir, JobReport report, LatestState latest, List<ChunkTiming> timings) throws IOException {
        Optional<JobReport> existing = read(dir);
        if (existing.isPresent() && existing.get().job() != null && existing.get().job().equals(report.job())
                && !Objects.equals(existing.get().status(), report.status())) {
            LOG.error("job {}: keeping the {} report in {}; not replacing it with a {} one ({})", report.job(),
                    existing.get().status(), dir, report.status(), report.error());
            return false;
        }
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
                latest.forEachSortedByKey(version -> {
                    out.write(version.json());
                    out.write('\n');
                });
            }
            Files.move(tmp, dir.resolve(report.recordsFile()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        writeReport(dir, report);
        return true;
    }

    /** The report in {@code dir}, if there is a readable one. */
    public static Optional<JobReport> read(Path dir) {
        Path file = dir.resolve(REPORT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), JobReport.class));
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public static void writeReport(Path dir, JobReport report) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(REPORT_FILE + ".tmp");
        Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        Files.move(tmp, dir.resolve(REPORT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
