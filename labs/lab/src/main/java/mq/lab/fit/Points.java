package mq.lab.fit;

/** Input checks shared by the fits: paired, non-empty, finite, with processor counts of at least 1. */
final class Points {

    private Points() {
    }

    static void check(double[] processors, double[] speedups, int minimum) {
        if (processors.length != speedups.length) {
            throw new IllegalArgumentException("processors and speedups differ in length: "
                    + processors.length + " vs " + speedups.length);
        }
        if (processors.length < minimum) {
            throw new IllegalArgumentException("need at least " + minimum + " points, got " + processors.length);
        }
        for (int i = 0; i < processors.length; i++) {
            if (!(processors[i] >= 1) || !Double.isFinite(processors[i])) {
                throw new IllegalArgumentException("processor count must be >= 1: " + processors[i]);
            }
            if (!(speedups[i] > 0) || !Double.isFinite(speedups[i])) {
                throw new IllegalArgumentException("speedup must be a positive number: " + speedups[i]);
            }
        }
    }

    /** Coefficient of determination of a model against the measured speedups (1 = perfect). */
    static double rSquared(double[] measured, double[] predicted) {
        double mean = 0;
        for (double m : measured) {
            mean += m;
        }
        mean /= measured.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < measured.length; i++) {
            residual += square(measured[i] - predicted[i]);
            total += square(measured[i] - mean);
        }
        // All speedups equal: the model explains them fully if it hits them, else not at all.
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }

    static double rmse(double[] measured, double[] predicted) {
        double sum = 0;
        for (int i = 0; i < measured.length; i++) {
            sum += square(measured[i] - predicted[i]);
        }
        return Math.sqrt(sum / measured.length);
    }

    static double square(double x) {
        return x * x;
    }
}
