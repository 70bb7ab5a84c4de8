package mq.lab.threads;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the sweep as a fixed-width table, one row per cell as soon as it is measured. */
public final class TablePrinter {

    private static final String ROW = "%,13d  %-15s %7d %10.3f %10.3f %10.3f %6.1f%% %10.3f %8.2fx %7.0f%% %7.2f  %s%n";
    private static final String HEADER = "%13s  %-15s %7s %10s %10s %10s %7s %10s %9s %8s %7s  %s%n";

    private final PrintStream out;
    /** Set when a progress bar shares the terminal: start each row by wiping the bar's line. */
    private final String linePrefix;
    private boolean headerPrinted;

    public TablePrinter(PrintStream out, boolean clearLine) {
        this.out = out;
        this.linePrefix = clearLine ? "\r\u001b[K" : "";
    }

    /** Printed with the first row, so that notes about skipped strategies come before the table. */
    private void header() {
        headerPrinted = true;
        out.print(linePrefix);
        out.printf(Locale.ROOT, HEADER, "size", "strategy", "threads", "median ms", "min ms", "max ms",
                "IQR", "seq. ms", "speedup", "effic.", "GB/s", "check");
    }

    public void row(Measurement m) {
        if (!headerPrinted) {
            header();
        }
        out.print(linePrefix);
        out.printf(Locale.ROOT, ROW, m.size(), m.strategy(), m.threads(), m.medianMs(), m.minMs(), m.maxMs(),
                100 * m.spread(), m.baselineMs(), m.speedup(), 100 * m.efficiency(), m.gigabytesPerSecond(), check(m));
        out.flush();
    }

    static String check(Measurement m) {
        if (!m.correct()) {
            return String.format(Locale.ROOT, "WRONG (rel. error %.1e)", m.relativeError());
        }
        return m.relativeError() == 0 ? "exact" : String.format(Locale.ROOT, "ok (rel. error %.1e)", m.relativeError());
    }
}
