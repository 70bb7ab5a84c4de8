package mq.lab.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Axis labels a reader takes in at a glance: 240k, 2.4M, 1.5G, 0.25, never 2.4E5. At most three
 * significant digits, which is all a tick label needs.
 */
public final class CompactNumbers {
    private static final String[] SUFFIXES = {"", "k", "M", "G", "T"};

    private CompactNumbers() {
    }

    public static String format(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        double magnitude = Math.abs(value);
        int step = 0;
        while (magnitude >= 1000 && step < SUFFIXES.length - 1) {
            magnitude /= 1000;
            step++;
        }
        BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(3)).stripTrailingZeros();
        if (rounded.compareTo(BigDecimal.valueOf(1000)) >= 0 && step < SUFFIXES.length - 1) {
            // 999.7k rounds to 1000k: say 1M.
            rounded = BigDecimal.ONE;
            step++;
        }
        return (value < 0 ? "-" : "") + rounded.toPlainString() + SUFFIXES[step];
    }
}
