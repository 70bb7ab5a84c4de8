package mq.lab.chaos;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mq.lab.report.LineChart;
import mq.lab.report.LineChartWriter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The lab's pictures: what each fault cost, and each faulty run's throughput around its fault. */
final class ChaosCharts {
    static final String RECOVERY = "recovery.png";
    private static final long BIN_MILLIS = 500;

    private ChaosCharts() {
    }

    /** Bars per fault (medians over its runs): how long nothing was merged after it, and the time it added. */
    static Path recovery(List<ChaosSummary> faults, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(540)
                .title("What each fault cost a running job (medians)").xAxisTitle("fault").yAxisTitle("seconds").build();
        // Below the plot: inside it, the legend would hide the tallest bars.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0xE15759), new Color(0x4E79A7)});
        chart.getStyler().setXAxisLabelRotation(20);
        List<ChaosSummary> shown = faults.stream().filter(f -> f.runs() > 0).toList();
        if (shown.isEmpty()) {
            return null;
        }
        List<String> names = shown.stream().map(f -> f.fault() + (f.mustFail() ? " (fails)" : "")).toList();
        chart.addSeries("longest pause in merging after the fault", names,
                shown.stream().map(f -> Math.max(0, f.medianRecoveryMs()) / 1000.0).toList());
        chart.addSeries("end to end beyond a fault-free run", names,
                shown.stream().map(f -> f.medianDelayMs() / 1000.0).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }

    static String timelineFile(String fault) {
        return "timeline-" + fault + ".png";
    }

    /** One faulty run's merge throughput over time, the fault marked, a fault-free run dashed behind it. */
    static Path timeline(Timeline run, Optional<Timeline> reference, Path file) throws IOException {
        double[][] points = thousands(Recovery.throughput(run.samples(), run.startedAt(), BIN_MILLIS));
        List<LineChart.Series> series = new ArrayList<>();
        double top = max(points[1]);
        if (reference.isPresent()) {
            double[][] ref = thousands(Recovery.throughput(reference.get().samples(), reference.get().startedAt(), BIN_MILLIS));
            series.add(LineChart.Series.reference("a fault-free run", ref[0], ref[1]));
            top = Math.max(top, max(ref[1]));
        }
        if (run.faultAt() > 0) {
            double at = (run.faultAt() - run.startedAt()) / 1000.0;
            series.add(LineChart.Series.reference("the fault (" + run.fault() + ")", new double[] {at, at},
                    new double[] {0, Math.max(1, top)}));
        }
        series.add(LineChart.Series.data("merged, run with " + run.fault(), points[0], points[1]));
        LineChart chart = LineChart.of("Throughput around the fault: " + run.fault() + ", run " + run.run(),
                "seconds since the job started", "thousand records merged per second (" + BIN_MILLIS + " ms bins)");
        for (LineChart.Series s : series) {
            chart = chart.with(s);
        }
        return new LineChartWriter().write(chart, file);
    }

    private static double[][] thousands(double[][] points) {
        return new double[][] {points[0], java.util.Arrays.stream(points[1]).map(v -> v / 1000).toArray()};
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }
}
