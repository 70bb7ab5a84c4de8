package mq.lab.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.lab.report.LineChart;
import mq.lab.report.LineChartWriter;

/** The sweep's line charts: throughput, speedup (with USL fits) and efficiency against workers. */
public final class ScaleCharts {
    public static final String THROUGHPUT = "throughput.png";
    public static final String SPEEDUP = "speedup.png";
    public static final String EFFICIENCY = "efficiency.png";

    private final LineChartWriter writer = new LineChartWriter();
    private final int cores = Runtime.getRuntime().availableProcessors();

    List<Path> write(List<PointSummary> summaries, List<ScaleSweep.Baseline> baselines, List<ScaleSweep.RawFloor> floors,
                     List<UslSummary> fits, Path dir)
            throws IOException {
        List<String> series = summaries.stream().map(PointSummary::series).distinct().toList();
        double maxWorkers = summaries.stream().mapToInt(PointSummary::workers).max().orElse(1);
        List<Path> files = new ArrayList<>();

        LineChart throughput = LineChart.of("Throughput against worker processes", "worker processes", "records / s");
        double top = 0;
        for (String name : series) {
            List<PointSummary> line = line(summaries, name);
            throughput = throughput.with(LineChart.Series.data(name, x(line), line.stream().mapToDouble(PointSummary::medianRecordsPerS).toArray()));
            top = Math.max(top, line.stream().mapToDouble(PointSummary::maxRecordsPerS).max().orElse(0));
        }
        double lowest = summaries.stream().mapToDouble(PointSummary::medianRecordsPerS).min().orElse(1);
        List<PointSummary> main = line(summaries, series.get(0));
        double perWorker = main.get(0).medianRecordsPerS() / main.get(0).workers();
        throughput = throughput.with(LineChart.Series.reference("ideal (linear from " + main.get(0).workers() + " worker)",
                new double[] {main.get(0).workers(), maxWorkers}, new double[] {perWorker * main.get(0).workers(), perWorker * maxWorkers}));
        // Each line's in-process figures, dashed in the line's colour: the same data, chunking and work, no Kafka.
        double highestBaseline = 0;
        for (String name : series) {
            ScaleSweep.Baseline baseline = ScaleSweep.baseline(baselines, pointOf(line(summaries, name).get(0)));
            throughput = throughput.with(new LineChart.Series("in process, 1 thread (" + name + ")", new double[] {1, maxWorkers},
                    new double[] {baseline.oneThreadRecordsPerS(), baseline.oneThreadRecordsPerS()}, LineChart.Kind.REFERENCE, name));
            if (baseline.bestThreads() > 1) {
                throughput = throughput.with(new LineChart.Series("in process, " + baseline.bestThreads() + " threads (" + name + ")",
                        new double[] {1, maxWorkers}, new double[] {baseline.bestRecordsPerS(), baseline.bestRecordsPerS()},
                        LineChart.Kind.REFERENCE, name));
            }
            highestBaseline = Math.max(highestBaseline, baseline.bestRecordsPerS());
        }
        // Kafka alone with the same chunks, one dotted grey line per chunk size (work per record does not
        // change it): what moving the bytes costs before any reducing.
        for (ScaleSweep.RawFloor floor : floors) {
            throughput = throughput.with(new LineChart.Series("raw queue, chunk " + floor.chunkSize()
                    + " (Kafka alone: produce, then consume)", new double[] {1, maxWorkers},
                    new double[] {floor.recordsPerS(), floor.recordsPerS()}, LineChart.Kind.FLOOR, null));
            highestBaseline = Math.max(highestBaseline, floor.recordsPerS());
        }
        throughput = throughput.with(LineChart.Series.reference(cores + " cores", new double[] {cores, cores},
                new double[] {Math.max(1, lowest / 2), Math.max(top, highestBaseline) * 1.05}));
        if (Math.max(top, highestBaseline) > 20 * lowest) {
            // The in-process lines can be ten times the pipeline's: on a linear axis the measured lines would be flat.
            throughput = throughput.withLogarithmicY();
        }
        files.add(writer.write(throughput, dir.resolve(THROUGHPUT)));

        LineChart speedup = LineChart.of("Speedup against worker processes (USL fits dashed)", "worker processes", "speedup");
        LineChart efficiency = LineChart.of("Efficiency: speedup / workers", "worker processes", "efficiency");
        for (String name : series) {
            List<PointSummary> line = line(summaries, name);
            speedup = speedup.with(LineChart.Series.data(name, x(line), line.stream().mapToDouble(PointSummary::speedup).toArray()));
            efficiency = efficiency.with(LineChart.Series.data(name, x(line), line.stream().mapToDouble(PointSummary::efficiency).toArray()));
        }
        for (UslSummary fit : fits) {
            double[] n = new double[50];
            double[] s = new double[50];
            for (int i = 0; i < n.length; i++) {
                n[i] = 1 + (maxWorkers - 1) * i / (n.length - 1.0);
                s[i] = fit.predict(n[i]);
            }
            speedup = speedup.with(new LineChart.Series(String.format("USL σ=%.3f κ=%.4f", fit.sigma(), fit.kappa()),
                    n, s, LineChart.Kind.REFERENCE, fit.series()));
        }
        speedup = speedup.with(LineChart.Series.reference("ideal", new double[] {1, maxWorkers}, new double[] {1, maxWorkers}));
        efficiency = efficiency.with(LineChart.Series.reference("ideal", new double[] {1, maxWorkers}, new double[] {1, 1}));
        files.add(writer.write(speedup, dir.resolve(SPEEDUP)));
        files.add(writer.write(efficiency, dir.resolve(EFFICIENCY)));
        return files;
    }

    static List<PointSummary> line(List<PointSummary> summaries, String series) {
        return summaries.stream().filter(s -> s.series().equals(series)).toList();
    }

    private static double[] x(List<PointSummary> line) {
        return line.stream().mapToDouble(PointSummary::workers).toArray();
    }

    static ScalePoint pointOf(PointSummary s) {
        return new ScalePoint(mq.worker.GroupType.valueOf(s.group().toUpperCase()), s.workers(), s.threads(),
                s.chunkSize(), s.workMicros());
    }
}
