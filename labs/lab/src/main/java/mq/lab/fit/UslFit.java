package mq.lab.fit;

/**
 * Gunther's Universal Scalability Law, {@code speedup(n) = n / (1 + σ(n - 1) + κ n(n - 1))},
 * fitted by least squares. σ (contention) is the serial share, as in Amdahl's law; κ
 * (coherency) is the cost of keeping n workers in agreement, which grows with n² and makes
 * the speedup fall again after {@link #peakProcessors()}.
 *
 * <p>The law is linear in σ and κ once rewritten as {@code n / speedup - 1 = σ(n - 1) + κ n(n - 1)},
 * which gives a closed-form starting point; Levenberg-Marquardt steps then minimise the
 * squared error of the speedups themselves, keeping both parameters non-negative.
 *
 * @param sigma    contention, ≥ 0
 * @param kappa    coherency, ≥ 0
 * @param rmse     root mean square of the speedup residuals
 * @param rSquared share of the speedups' variance the model explains
 */
public record UslFit(double sigma, double kappa, double rmse, double rSquared) {

    private static final int MAX_ITERATIONS = 200;

    public static double speedup(double sigma, double kappa, double processors) {
        double n = processors;
        return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    public static UslFit fit(double[] processors, double[] speedups) {
        Points.check(processors, speedups, 2);
        double[] start = linearStart(processors, speedups);
        double[] p = refine(processors, speedups, start[0], start[1]);
        double[] predicted = new double[processors.length];
        for (int i = 0; i < processors.length; i++) {
            predicted[i] = speedup(p[0], p[1], processors[i]);
        }
        return new UslFit(p[0], p[1], Points.rmse(speedups, predicted), Points.rSquared(speedups, predicted));
    }

    public double predict(double processors) {
        return speedup(sigma, kappa, processors);
    }

    /** Where the speedup peaks, {@code sqrt((1 - σ) / κ)}; infinite when κ is 0. */
    public double peakProcessors() {
        return kappa == 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
    }

    /** Least squares of the linearised form, no intercept, both parameters clamped at zero. */
    private static double[] linearStart(double[] n, double[] speedups) {
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double s1y = 0;
        double s2y = 0;
        for (int i = 0; i < n.length; i++) {
            double x1 = n[i] - 1;
            double x2 = n[i] * (n[i] - 1);
            double y = n[i] / speedups[i] - 1;
            s11 += x1 * x1;
            s12 += x1 * x2;
            s22 += x2 * x2;
            s1y += x1 * y;
            s2y += x2 * y;
        }
        double det = s11 * s22 - s12 * s12;
        double sigma = det == 0 ? 0 : (s1y * s22 - s2y * s12) / det;
        double kappa = det == 0 ? 0 : (s2y * s11 - s1y * s12) / det;
        // Outside the feasible region, refit with the offending parameter fixed at zero.
        if (kappa < 0 || det == 0) {
            kappa = 0;
            sigma = s11 == 0 ? 0 : s1y / s11;
        }
        if (sigma < 0) {
            sigma = 0;
            kappa = s22 == 0 ? 0 : Math.max(0, s2y / s22);
        }
        return new double[] {sigma, kappa};
    }

    private static double[] refine(double[] n, double[] speedups, double sigma, double kappa) {
        double lambda = 1e-3;
        double error = sse(n, speedups, sigma, kappa);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // Normal equations of the linearised residuals (J^T J + λ diag) δ = J^T r.
            double a11 = 0;
            double a12 = 0;
            double a22 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n.length; i++) {
                double denominator = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
                double model = n[i] / denominator;
                double d1 = -n[i] * (n[i] - 1) / (denominator * denominator);
                double d2 = -n[i] * n[i] * (n[i] - 1) / (denominator * denominator);
                double r = speedups[i] - model;
                a11 += d1 * d1;
                a12 += d1 * d2;
                a22 += d2 * d2;
                g1 += d1 * r;
                g2 += d2 * r;
            }
            double b11 = a11 * (1 + lambda);
            double b22 = a22 * (1 + lambda);
            double det = b11 * b22 - a12 * a12;
            if (det == 0) {
                break;
            }
            double nextSigma = Math.max(0, sigma + (g1 * b22 - g2 * a12) / det);
            double nextKappa = Math.max(0, kappa + (g2 * b11 - g1 * a12) / det);
            double nextError = sse(n, speedups, nextSigma, nextKappa);
            if (nextError < error) {
                boolean converged = error - nextError <= 1e-15 * (1 + error);
                sigma = nextSigma;
                kappa = nextKappa;
                error = nextError;
                lambda /= 10;
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e12) {
                    break;
                }
            }
        }
        return new double[] {sigma, kappa};
    }

    private static double sse(double[] n, double[] speedups, double sigma, double kappa) {
        double sum = 0;
        for (int i = 0; i < n.length; i++) {
            sum += Points.square(speedups[i] - speedup(sigma, kappa, n[i]));
        }
        return sum;
    }
}
