package mq.lab.scale;

import java.util.List;
import mq.lab.fit.UslFit;

/**
 * The Universal Scalability Law fitted to one line of the sweep (speedup against its 1-worker point).
 *
 * @param predictedBestWorkers where the fitted speedup peaks, rounded; {@code null} when it keeps rising
 */
public record UslSummary(String series, double sigma, double kappa, double rSquared, Integer predictedBestWorkers,
                         double predictedPeakSpeedup) {

    /** Fits each line that starts at 1 worker and has at least 3 worker counts. */
    static List<UslSummary> fit(List<PointSummary> summaries) {
        return summaries.stream().map(PointSummary::series).distinct().map(series -> {
            List<PointSummary> line = summaries.stream().filter(s -> s.series().equals(series)).toList();
            if (line.size() < 3 || line.get(0).workers() != 1 || line.stream().anyMatch(s -> !Double.isFinite(s.speedup()))) {
                return null;
            }
            double[] n = line.stream().mapToDouble(PointSummary::workers).toArray();
            double[] speedups = line.stream().mapToDouble(PointSummary::speedup).toArray();
            UslFit fit = UslFit.fit(n, speedups);
            double peak = fit.peakProcessors();
            Integer best = Double.isFinite(peak) ? (int) Math.max(1, Math.round(peak)) : null;
            double peakSpeedup = best == null ? fit.predict(n[n.length - 1]) : fit.predict(best);
            return new UslSummary(series, fit.sigma(), fit.kappa(), fit.rSquared(), best, peakSpeedup);
        }).filter(java.util.Objects::nonNull).toList();
    }

    public double predict(double workers) {
        return UslFit.speedup(sigma, kappa, workers);
    }
}
