package mq.lab.threads;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mq.lab.report.LineChart.Series;
import mq.lab.report.LineChart;
import mq.lab.report.LineChartWriter;

/**
 * The lab's charts. The three summary charts follow one strategy (the original exercise
 * when it ran) with one line per size; one chart per size compares all strategies.
 */
public final class ThreadsCharts {

    /** A written chart: its file name inside the run folder and what it shows. */
    public record Chart(String file, String caption) {
    }

    private final LineChartWriter writer;

    public ThreadsCharts(LineChartWriter writer) {
        this.writer = writer;
    }

    public List<Chart> write(SweepResult result, Path dir) throws IOException {
        List<Chart> charts = new ArrayList<>();
        String primary = result.primaryStrategy().orElse(null);
        if (primary == null) {
            return charts; // only the baseline ran: nothing varies with threads
        }
        charts.add(write(time(result, primary), dir, "time.png",
                "Median time to sum vs threads, strategy '" + primary + "', one line per size"));
        charts.add(write(speedup(result, primary), dir, "speedup.png",
                "Speedup over the sequential loop, strategy '" + primary + "', with the ideal and the core count"));
        charts.add(write(efficiency(result, primary), dir, "efficiency.png",
                "Efficiency (speedup / threads), strategy '" + primary + "'"));
        for (int size : result.config().sizes()) {
            charts.add(write(strategies(result, size), dir, "strategies-" + size + ".png",
                    "Speedup of every strategy at " + count(size) + " numbers"));
        }
        return charts;
    }

    private Chart write(LineChart chart, Path dir, String file, String caption) throws IOException {
        writer.write(chart, dir.resolve(file));
        return new Chart(file, caption);
    }

    LineChart time(SweepResult result, String strategy) {
        LineChart chart = LineChart.of("Time to sum " + result.config().typeLabel() + "s with '" + strategy + "'",
                "threads", "median time (ms)");
        for (int size : result.config().sizes()) {
            List<Measurement> cells = result.of(size, strategy);
            if (!cells.isEmpty()) {
                chart = chart.with(Series.data(count(size) + " numbers", threads(cells), values(cells, Measurement::medianMs)));
            }
            for (Measurement baseline : result.baseline(size).stream().toList()) {
                chart = chart.with(Series.reference("sequential, " + count(size),
                        new double[] {1, maxThreads(result)}, new double[] {baseline.medianMs(), baseline.medianMs()})
                        .inGroup(count(size) + " numbers"));
            }
        }
        // Sizes a hundred times apart only stay readable on a logarithmic axis.
        return result.config().sizes().size() > 1 ? chart.withLogarithmicY() : chart;
    }

    LineChart speedup(SweepResult result, String strategy) {
        LineChart chart = LineChart.of("Speedup of '" + strategy + "' over one sequential loop",
                "threads", "speedup (x)");
        double top = 0;
        for (int size : result.config().sizes()) {
            List<Measurement> cells = result.of(size, strategy);
            if (!cells.isEmpty()) {
                chart = chart.with(Series.data(count(size) + " numbers", threads(cells), values(cells, Measurement::speedup)));
                top = Math.max(top, max(values(cells, Measurement::speedup)));
            }
        }
        return withGuides(chart, result, top);
    }

    LineChart efficiency(SweepResult result, String strategy) {
        LineChart chart = LineChart.of("Efficiency of '" + strategy + "': speedup per thread",
                "threads", "efficiency (speedup / threads)");
        for (int size : result.config().sizes()) {
            List<Measurement> cells = result.of(size, strategy);
            if (!cells.isEmpty()) {
                chart = chart.with(Series.data(count(size) + " numbers", threads(cells), values(cells, Measurement::efficiency)));
            }
        }
        double[] n = allThreads(result);
        double[] best = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            best[i] = Math.min(n[i], result.cores()) / n[i];
        }
        return chart.with(Series.reference("best possible on " + result.cores() + " cores", n, best));
    }

    LineChart strategies(SweepResult result, int size) {
        LineChart chart = LineChart.of("Speedup at " + count(size) + " " + result.config().typeLabel() + "s, by strategy",
                "threads", "speedup (x)");
        double top = 0;
        for (String strategy : result.threadedStrategies()) {
            List<Measurement> cells = result.of(size, strategy);
            if (!cells.isEmpty()) {
                chart = chart.with(Series.data(strategy, threads(cells), values(cells, Measurement::speedup)));
                top = Math.max(top, max(values(cells, Measurement::speedup)));
            }
        }
        return withGuides(chart, result, top);
    }

    /**
     * Adds the ideal (speedup = threads), the best the cores allow (min(threads, cores)) and
     * a vertical line at the core count. The y axis stops a little above the data so that
     * a 24x ideal does not flatten two-fold speedups into the floor.
     */
    private static LineChart withGuides(LineChart chart, SweepResult result, double top) {
        int cores = result.cores();
        double maxThreads = maxThreads(result);
        double yMax = Math.ceil(Math.max(top, Math.min(cores, maxThreads)) * 1.25);
        double idealEnd = Math.min(maxThreads, yMax);
        double[] n = allThreads(result);
        double[] best = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            best[i] = Math.min(n[i], cores);
        }
        return chart
                .with(Series.reference("ideal (speedup = threads)", new double[] {1, idealEnd}, new double[] {1, idealEnd}))
                .with(Series.reference("best possible on " + cores + " cores", n, best))
                .with(Series.reference(cores + " cores available", new double[] {cores, cores}, new double[] {0, yMax}))
                .withYMax(yMax);
    }

    private static double[] threads(List<Measurement> cells) {
        return cells.stream().mapToDouble(Measurement::threads).toArray();
    }

    private static double[] values(List<Measurement> cells, java.util.function.ToDoubleFunction<Measurement> value) {
        return cells.stream().mapToDouble(value).toArray();
    }

    private static double[] allThreads(SweepResult result) {
        return result.config().threads().stream().mapToDouble(Integer::doubleValue).sorted().distinct().toArray();
    }

    private static double maxThreads(SweepResult result) {
        return result.config().threads().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
