package mq.lab.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A few sentences computed from the measurements: what scaled, how far, and what the queue costs. */
final class ScaleExplainer {
    private ScaleExplainer() {
    }

    static List<String> explain(List<PointSummary> summaries, List<ScaleSweep.Baseline> baselines,
                                List<ScaleSweep.RawFloor> floors, List<UslSummary> fits, int cores) {
        List<String> sentences = new ArrayList<>();
        for (String series : summaries.stream().map(PointSummary::series).distinct().toList()) {
            List<PointSummary> line = ScaleCharts.line(summaries, series);
            PointSummary best = line.stream().max(Comparator.comparingDouble(PointSummary::medianRecordsPerS)).orElseThrow();
            PointSummary first = line.get(0);
            ScaleSweep.Baseline baseline = ScaleSweep.baseline(baselines, ScaleCharts.pointOf(first));
            sentences.add(String.format("%s: best with %d worker(s) at %,.0f records/s, %.2f× the %d-worker figure "
                            + "(efficiency %.0f%%); workers were busy reducing %.0f%% of the time there.",
                    series, best.workers(), best.medianRecordsPerS(), best.speedup(), first.workers(),
                    100 * best.efficiency(), 100 * best.utilization()));
            double vsOne = best.medianRecordsPerS() / baseline.oneThreadRecordsPerS();
            double vsBest = best.medianRecordsPerS() / baseline.bestRecordsPerS();
            String inProcess = baseline.bestThreads() == 1
                    ? String.format("%,.0f records/s on 1 thread (more threads were not faster)", baseline.oneThreadRecordsPerS())
                    : String.format("%,.0f records/s on 1 thread and %,.0f on %d", baseline.oneThreadRecordsPerS(),
                    baseline.bestRecordsPerS(), baseline.bestThreads());
            sentences.add(String.format("  In one process the same job runs at %s: "
                            + "the queue's best is %.2f× the single thread and %.2f× the best in-process figure%s.",
                    inProcess, vsOne, vsBest,
                    vsOne < 1 ? ", so at this much work per record the messaging costs more than spreading the work gains"
                            : vsBest < 1 ? ", so processes beat one thread but not threads sharing one heap"
                            : ", so spreading over processes pays"));
            ScaleSweep.RawFloor floor = ScaleSweep.floor(floors, ScaleCharts.pointOf(first));
            if (floor != null) {
                sentences.add(String.format("  Kafka alone moves the same chunks (produce %,d ms, then consume %,d ms, no "
                                + "reducing) at %,.0f records/s: the pipeline's best is %.2f× that raw queue%s.",
                        floor.produceMs(), floor.consumeMs(), floor.recordsPerS(), best.medianRecordsPerS() / floor.recordsPerS(),
                        best.medianRecordsPerS() >= floor.recordsPerS()
                                ? ", because it reduces while it produces instead of after"
                                : "; the rest of the time goes to reducing, merging and the processes' start-up"));
            }
            if (best.workers() < line.get(line.size() - 1).workers() && best.workers() <= cores) {
                sentences.add(String.format("  Beyond %d worker(s) throughput falls: this machine has %d cores, shared with "
                        + "the broker, the producer and the aggregator.", best.workers(), cores));
            }
            PointSummary widest = line.get(line.size() - 1);
            double queueShare = widest.meanQueueMs() / Math.max(1e-9, widest.meanQueueMs() + widest.meanProcessingMs() + widest.meanDeliveryMs());
            sentences.add(String.format("  With %d worker(s) a chunk spent %.0f%% of its life waiting in the queue, "
                    + "%.1f ms processing and %.1f ms on its way to the aggregator (means).", widest.workers(),
                    100 * queueShare, widest.meanProcessingMs(), widest.meanDeliveryMs()));
        }
        for (UslSummary fit : fits) {
            sentences.add(String.format("USL fit for %s: contention σ = %.3f, coherency κ = %.4f (R² %.2f); %s",
                    fit.series(), fit.sigma(), fit.kappa(), fit.rSquared(),
                    fit.predictedBestWorkers() == null
                            ? "no peak: throughput should keep rising, ever more slowly."
                            : String.format("predicted best: %d worker(s), speedup %.2f.", fit.predictedBestWorkers(),
                            fit.predictedPeakSpeedup())));
        }
        return sentences;
    }
}
