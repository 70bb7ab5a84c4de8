package mq.launcher;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import mq.common.exact.DecimalText;
import mq.common.protocol.BadLine;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Terminal;

/**
 * The human-readable summary of a job's report, printed after a run. Every text in a report may
 * come from outside (input lines, an outside producer's reason, worker names): it is escaped, so
 * that an ESC or a carriage return cannot rewrite the terminal.
 */
public final class ReportPrinter {
    private ReportPrinter() {
    }

    public static void print(JobReport report, Path outDir, PrintStream out) {
        out.printf("%n%s  %s%s%n", Terminal.escape(report.job()), Terminal.escape(report.status().toUpperCase()),
                report.succeeded() ? (report.verified() ? ", verified against the producer" : ", NOT VERIFIED") : "");
        if (report.error() != null) {
            out.printf("  error:       %s%n", Terminal.escape(report.error()));
        }
        out.printf("  input:       %s (%s), %,d chunks, %d workers%n", Terminal.escape(report.source()),
                Terminal.escape(report.format()), report.chunks(), report.workers());
        if (!report.succeeded()) {
            printBadLines(report, out);
            printFiles(outDir, report, out);
            return;
        }
        if (report.kind() == JobKind.NUMBERS) {
            out.printf("  count:       %,d%n  sum:         %s%n  min / max:   %s / %s%n", report.count(),
                    text(report.sum()), text(report.min()), text(report.max()));
        } else if (report.kind() == JobKind.RECORDS) {
            out.printf("  records:     %,d, distinct keys %,d, superseded %,d%n", report.count(),
                    report.distinctKeys(), report.superseded());
            if (report.sums() != null) {
                report.sums().forEach((field, sum) -> out.printf("  sum %-8s %s (over the latest records; %,d without it)%n",
                        Terminal.escape(field) + ":", text(sum), report.sumMissing().getOrDefault(field, 0L)));
            }
            JobReport.StateStore state = report.stateStore();
            if (state != null && state.spilled()) {
                out.printf("  state:       spilled to disk past %,d MiB of aggregator heap (%,d times)%n",
                        state.heapBudgetBytes() >> 20, state.spills());
            }
        }
        printBadLines(report, out);
        if (report.duplicatesIgnored() > 0) {
            out.printf("  duplicates:  %,d partials ignored (chunks redone after a worker left)%n", report.duplicatesIgnored());
        }
        JobReport.Timings t = report.timings();
        out.printf("  timings:     produce %,d ms | first pickup %,d ms | last merge %,d ms | end to end %,d ms%n",
                t.produceMs(), t.firstPickupMs(), t.lastMergeMs(), t.endToEndMs());
        out.printf("  queue wait:  mean %.1f ms, p50 %d, p95 %d, max %d | processing per chunk: mean %.1f ms, max %d%n",
                t.queueWaitMs().mean(), t.queueWaitMs().p50(), t.queueWaitMs().p95(), t.queueWaitMs().max(),
                t.processingMs().mean(), t.processingMs().max());
        out.printf("  throughput:  %,.0f records/s, %.1f MB/s%n", report.throughput().recordsPerS(), report.throughput().mbPerS());
        if (report.perWorker() != null && !report.perWorker().isEmpty()) {
            out.printf("  %-22s %8s %12s %10s%n", "worker", "chunks", "records", "busy ms");
            for (Map.Entry<String, JobReport.WorkerShare> e : report.perWorker().entrySet()) {
                out.printf("  %-22s %8d %,12d %,10d%n", Terminal.escape(e.getKey()), e.getValue().chunks(), e.getValue().records(), e.getValue().busyMs());
            }
        }
        printFiles(outDir, report, out);
    }

    private static void printBadLines(JobReport report, PrintStream out) {
        if (report.skipped() != null) {
            out.printf("  bad lines:   %,d%n", report.skipped().count());
            for (BadLine line : report.skipped().first()) {
                out.printf("    line %,d: %s: %s%n", line.line(), Terminal.escape(line.error()), Terminal.escape(line.text()));
            }
        }
    }

    private static void printFiles(Path outDir, JobReport report, PrintStream out) {
        if (outDir != null) {
            out.printf("  report:      %s%n", outDir.resolve("report.json"));
            if (report.recordsFile() != null) {
                out.printf("  records:     %s%n", outDir.resolve(report.recordsFile()));
            }
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "-" : DecimalText.format(value);
    }
}
