package mq.lab.fit;

import java.util.function.DoubleUnaryOperator;

/**
 * Amdahl's law, {@code speedup(n) = 1 / (s + (1 - s) / n)}, fitted to measured speedups by
 * least squares on the speedups themselves (not on their inverses, which would weight the
 * small speedups most). {@code s} is the serial fraction: the share of the one-thread time
 * that no number of processors shortens, so {@code 1 / s} bounds the speedup.
 *
 * @param serialFraction the fitted s, in [0, 1]
 * @param rmse           root mean square of the speedup residuals
 * @param rSquared       share of the speedups' variance the model explains
 */
public record AmdahlFit(double serialFraction, double rmse, double rSquared) {

    private static final int GRID = 1_000;
    private static final double TOLERANCE = 1e-12;

    public static double speedup(double serialFraction, double processors) {
        return 1 / (serialFraction + (1 - serialFraction) / processors);
    }

    /**
     * @param processors the processor (thread) count of each point, at least 1
     * @param speedups   the measured speedup at each point, positive
     */
    public static AmdahlFit fit(double[] processors, double[] speedups) {
        Points.check(processors, speedups, 1);
        DoubleUnaryOperator sse = s -> {
            double sum = 0;
            for (int i = 0; i < processors.length; i++) {
                sum += Points.square(speedups[i] - speedup(s, processors[i]));
            }
            return sum;
        };
        // The error need not be unimodal in s when the points are noisy: locate the best
        // grid cell first, then refine inside its neighbours by golden-section search.
        int best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double error = sse.applyAsDouble((double) i / GRID);
            if (error < bestError) {
                bestError = error;
                best = i;
            }
        }
        double s = goldenSection(sse, Math.max(0, best - 1) / (double) GRID, Math.min(GRID, best + 1) / (double) GRID);
        if (sse.applyAsDouble(s) > bestError) {
            s = (double) best / GRID;
        }
        double[] predicted = new double[processors.length];
        for (int i = 0; i < processors.length; i++) {
            predicted[i] = speedup(s, processors[i]);
        }
        return new AmdahlFit(s, Points.rmse(speedups, predicted), Points.rSquared(speedups, predicted));
    }

    public double predict(double processors) {
        return speedup(serialFraction, processors);
    }

    /** The speedup with infinitely many processors: {@code 1 / s}, infinite when s is 0. */
    public double maxSpeedup() {
        return serialFraction == 0 ? Double.POSITIVE_INFINITY : 1 / serialFraction;
    }

    private static double goldenSection(DoubleUnaryOperator f, double low, double high) {
        final double ratio = (Math.sqrt(5) - 1) / 2;
        double a = low;
        double b = high;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        while (b - a > TOLERANCE) {
            if (f.applyAsDouble(c) < f.applyAsDouble(d)) {
                b = d;
            } else {
                a = c;
            }
            c = b - ratio * (b - a);
            d = a + ratio * (b - a);
        }
        return (a + b) / 2;
    }
}
