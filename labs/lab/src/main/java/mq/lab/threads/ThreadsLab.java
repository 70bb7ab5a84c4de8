package mq.lab.threads;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import mq.lab.report.LineChartWriter;

/** Runs one threads lab end to end: bandwidth, sweep, table, explanation, files, charts, report. */
public final class ThreadsLab {

    /** What a run produced, for the command's exit code and for tests. */
    public record Outcome(Path dir, SweepResult result, List<String> explanation) {
        public boolean allCorrect() {
            return result.measurements().stream().allMatch(Measurement::correct);
        }
    }

    private final PrintStream out;
    private final PrintStream err;

    public ThreadsLab(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public Outcome run(ThreadsConfig config) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        Path dir = Files.createDirectories(config.out());
        out.printf(Locale.ROOT, "Summing %s random %ss; %d cores available, Java %s.%n",
                config.sizes().size() == 1 ? ThreadsCharts.count(config.sizes().get(0)) : "several sizes of",
                config.typeLabel(), cores, Runtime.version());
        Bandwidth bandwidth = config.bandwidthMegabytes() > 0
                ? Bandwidth.measure(config.bandwidthMegabytes(), cores)
                : Bandwidth.notMeasured();
        if (bandwidth.measured()) {
            out.printf(Locale.ROOT, "Memory read bandwidth: %.1f GB/s (%d MB long[] summed by %d threads, best of %d).%n",
                    bandwidth.gigabytesPerSecond(), bandwidth.bytes() >> 20, bandwidth.threads(), Bandwidth.RUNS);
        }
        out.println();

        SweepResult result;
        try (ProgressBar bar = config.progress() ? progressBar(config) : null) {
            TablePrinter table = new TablePrinter(out, bar != null && System.console() != null);
            result = new Sweep(config, bandwidth).run(cores, new Sweep.Listener() {
                @Override
                public void onRun() {
                    if (bar != null) {
                        bar.step();
                    }
                }

                @Override
                public void onMeasurement(Measurement measurement) {
                    table.row(measurement);
                }

                @Override
                public void onNote(String note) {
                    out.println("Note: " + note);
                }
            });
        }

        List<SerialFractions.Fit> fits = SerialFractions.of(result);
        List<String> explanation = Explainer.explain(result, fits);
        out.println();
        explanation.forEach(out::println);

        ResultFiles.writeCsv(result, dir);
        ResultFiles.writeJson(result, fits, explanation, dir);
        List<ThreadsCharts.Chart> charts = new ThreadsCharts(new LineChartWriter()).write(result, dir);
        Path report = ThreadsReport.write(result, charts, explanation, dir);
        out.println();
        out.println("Wrote " + ResultFiles.CSV + ", " + ResultFiles.JSON + ", " + charts.size() + " charts and "
                + report.getFileName() + " to " + dir);
        return new Outcome(dir, result, explanation);
    }

    private ProgressBar progressBar(ThreadsConfig config) {
        return new ProgressBarBuilder()
                .setTaskName("threads")
                .setInitialMax(config.totalRuns())
                .setUnit(" sums", 1)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }
}
