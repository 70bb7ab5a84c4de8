package mq.lab.threads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mq.lab.kernels.SumStrategy;
import mq.lab.report.HtmlReport;

/** {@code report.html}: the explanation, the charts and the full table on one page. */
public final class ThreadsReport {

    public static final String FILE = "report.html";

    private ThreadsReport() {
    }

    public static Path write(SweepResult result, List<ThreadsCharts.Chart> charts, List<String> explanation,
            Path dir) throws IOException {
        HtmlReport report = HtmlReport.titled("Threads lab: summing " + result.config().typeLabel() + "s")
                .with(new HtmlReport.Paragraph(String.format(Locale.ROOT,
                        "%d cores, Java %s, %d warm-up and %d measured runs per cell (%d for the sequential "
                                + "baseline, which every speedup divides by).", result.cores(), result.jvm(),
                        result.config().warmup(), result.config().runs(),
                        result.config().runs() * Sweep.BASELINE_RUNS_FACTOR)))
                .with(new HtmlReport.Heading("What the numbers say"));
        for (String line : explanation) {
            report = report.with(new HtmlReport.Paragraph(line));
        }
        report = report.with(new HtmlReport.Heading("Charts"));
        for (ThreadsCharts.Chart chart : charts) {
            report = report.with(new HtmlReport.Image(chart.file(), chart.caption()));
        }
        report = report.with(new HtmlReport.Heading("Strategies"))
                .with(new HtmlReport.Table(List.of("strategy", "what it does"), result.measurements().stream()
                        .map(Measurement::strategy).distinct()
                        .flatMap(name -> SumStrategy.named(name).stream())
                        .map(s -> List.of(s.name(), s.description())).toList()));
        return report.with(new HtmlReport.Heading("Measurements (times in ms)"))
                .with(table(result))
                .write(dir.resolve(FILE));
    }

    static HtmlReport.Table table(SweepResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : result.measurements()) {
            rows.add(List.of(ThreadsCharts.count(m.size()), m.strategy(), String.valueOf(m.threads()),
                    f("%.3f", m.medianMs()), f("%.3f", m.minMs()), f("%.3f", m.maxMs()),
                    f("%.1f%%", 100 * m.spread()), f("%.3f", m.baselineMs()), f("%.2fx", m.speedup()),
                    f("%.0f%%", 100 * m.efficiency()), f("%.2f", m.gigabytesPerSecond()), TablePrinter.check(m)));
        }
        return new HtmlReport.Table(List.of("size", "strategy", "threads", "median", "min", "max", "IQR / median",
                "sequential", "speedup", "efficiency", "GB/s", "check"), rows);
    }

    private static String f(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
