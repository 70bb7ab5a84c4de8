package mq.lab.kernels;

/**
 * The loops every strategy runs on its slice. Kept static, final and tiny so the JIT
 * vectorises them and every strategy (and the JMH benchmarks) measures the same code.
 */
public final class Kernels {

    private Kernels() {
    }

    public static long sum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    public static double sum(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** Neumaier's improvement of Kahan summation: also correct when an addend is larger than the running sum. */
    public static Total.CompensatedTotal compensatedSum(double[] values, int from, int to) {
        double sum = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return new Total.CompensatedTotal(sum, compensation);
    }
}
