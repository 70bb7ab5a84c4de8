package mq.lab.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.aggregator.job.ChunkTiming;
import mq.lab.report.HtmlReport;
import mq.lab.report.RecordCsv;

/** Writes a sweep's folder: scale.csv, scale.json, manifest.json, the charts and report.html. */
public final class ScaleReport {
    public static final String CSV = "scale.csv";
    public static final String JSON = "scale.json";
    public static final String MANIFEST = "manifest.json";
    public static final String HTML = "report.html";
    public static final String TIMELINE = "timeline.png";
    public static final String LEDGER = "ledger.png";

    record Document(Manifest manifest, List<ScaleSweep.Baseline> baselines, List<ScaleSweep.RawFloor> rawQueue,
                    List<PointSummary> summaries,
                    List<UslSummary> uslFits, List<String> explanation, List<String> inexact, List<RunResult> runs) {
    }

    private ScaleReport() {
    }

    public static List<Path> write(ScaleSweep.Outcome outcome, Manifest manifest, Path dir) throws IOException {
        List<UslSummary> fits = UslSummary.fit(outcome.summaries());
        List<String> explanation = ScaleExplainer.explain(outcome.summaries(), outcome.baselines(), outcome.floors(), fits,
                Runtime.getRuntime().availableProcessors());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Path> files = new ArrayList<>();
        files.add(RecordCsv.write(outcome.runs(), RunResult.class, dir.resolve(CSV)));
        json.writeValue(dir.resolve(JSON).toFile(), new Document(manifest, outcome.baselines(), outcome.floors(), outcome.summaries(), fits,
                explanation, outcome.inexact(), outcome.runs()));
        files.add(dir.resolve(JSON));
        json.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
        files.add(dir.resolve(MANIFEST));
        files.addAll(new ScaleCharts().write(outcome.summaries(), outcome.baselines(), outcome.floors(), fits, dir));

        // The ledger and the timeline show the last line: the most work per record, where spreading it matters most.
        List<PointSummary> mainLine = ScaleCharts.line(outcome.summaries(),
                outcome.summaries().get(outcome.summaries().size() - 1).series());
        files.add(LedgerChart.write("Where a chunk's time goes: " + mainLine.get(0).series(), mainLine, dir.resolve(LEDGER)));
        RunResult widest = widestRun(outcome.runs(), mainLine);
        List<ChunkTiming> timings = Ledger.read(Path.of(widest.outDir()));
        long startedAt = timings.stream().mapToLong(ChunkTiming::producedAt).min().orElse(0);
        long producedBy = timings.stream().mapToLong(ChunkTiming::producedAt).max().orElse(startedAt);
        files.add(TimelineChart.write("Chunks per worker over time: " + widest.workers() + " workers, "
                + mainLine.get(0).series() + ", run " + widest.repeat(), timings, startedAt, producedBy, dir.resolve(TIMELINE)));

        HtmlReport html = HtmlReport.titled("Scaling with worker processes")
                .with(new HtmlReport.Paragraph(String.format("%d cores, %s, JDK %s, Kafka clients %s. %d runs, every result %s.",
                        manifest.machine().cores(), manifest.machine().os(), manifest.software().jdk(),
                        manifest.software().kafkaClients(), outcome.runs().size(),
                        outcome.inexact().isEmpty() ? "exact (identical to the in-process baseline)" : "NOT all exact")));
        for (String sentence : explanation) {
            html = html.with(new HtmlReport.Paragraph(sentence));
        }
        html = html.with(new HtmlReport.Image(ScaleCharts.THROUGHPUT, "Median throughput; dashed: in process (no Kafka), raw queue (Kafka alone, no reducing), ideal, cores"))
                .with(new HtmlReport.Image(ScaleCharts.SPEEDUP, "Speedup against 1 worker, with Universal Scalability Law fits"))
                .with(new HtmlReport.Image(ScaleCharts.EFFICIENCY, "Efficiency"))
                .with(new HtmlReport.Image(LEDGER, "Mean time per chunk in each stage"))
                .with(new HtmlReport.Image(TIMELINE, "One run, chunk by chunk"))
                .with(new HtmlReport.Heading("Points (medians of the repeats)"))
                .with(new HtmlReport.Table(List.of("group", "workers", "threads", "chunk", "work µs", "records/s",
                        "speedup", "efficiency", "queue ms", "processing ms", "delivery ms", "busy"),
                        outcome.summaries().stream().map(s -> List.of(s.group(), Integer.toString(s.workers()),
                                Integer.toString(s.threads()), Integer.toString(s.chunkSize()), Integer.toString(s.workMicros()),
                                String.format("%,.0f", s.medianRecordsPerS()), String.format("%.2f", s.speedup()),
                                String.format("%.2f", s.efficiency()), String.format("%.1f", s.meanQueueMs()),
                                String.format("%.1f", s.meanProcessingMs()), String.format("%.1f", s.meanDeliveryMs()),
                                String.format("%.0f%%", 100 * s.utilization()))).toList()));
        files.add(html.write(dir.resolve(HTML)));
        return files;
    }

    /** The last repeat of the main line's point with the most workers. */
    private static RunResult widestRun(List<RunResult> runs, List<PointSummary> mainLine) {
        PointSummary widest = mainLine.get(mainLine.size() - 1);
        ScalePoint point = ScaleCharts.pointOf(widest);
        return runs.stream().filter(r -> r.point().equals(point)).reduce((a, b) -> b).orElseThrow();
    }

    public static List<String> explanation(ScaleSweep.Outcome outcome) {
        return ScaleExplainer.explain(outcome.summaries(), outcome.baselines(), outcome.floors(), UslSummary.fit(outcome.summaries()),
                Runtime.getRuntime().availableProcessors());
    }
}
